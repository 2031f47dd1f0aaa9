package net.bluemind.xmpp.auth.fast;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The client's first message of {@code HT-SHA-256-NONE}: {@code authcid NUL HMAC} (32 bytes, which may
 * themselves contain NUL, so the first NUL ends the name).
 *
 * @param authcid the login the token was issued to, as the client types it
 */
public record HtMessage(String authcid, byte[] initiator) {

    private static final int MAX_AUTHCID_BYTES = 1024;

    /** @return empty when the message is not {@code name NUL 32 bytes} with a non-empty UTF-8 name */
    public static Optional<HtMessage> parse(byte[] raw) {
        if (raw == null) {
            return Optional.empty();
        }
        int nul = -1;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0) {
                nul = i;
                break;
            }
        }
        if (nul <= 0 || nul > MAX_AUTHCID_BYTES || raw.length - nul - 1 != HtSha256.HMAC_BYTES) {
            return Optional.empty();
        }
        try {
            String name = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw, 0, nul)).toString();
            return Optional.of(new HtMessage(name, Arrays.copyOfRange(raw, nul + 1, raw.length)));
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
