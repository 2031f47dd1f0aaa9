package net.bluemind.xmpp.auth.fast;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** A {@link TokenSlot} as one line of text, for stores that keep strings (Tigase's user repository). */
public final class TokenSlotCodec {

    private static final String VERSION = "fast1";
    private static final String NONE = "-";

    private TokenSlotCodec() {
    }

    public static String encode(TokenSlot slot) {
        return String.join(" ", VERSION, Long.toString(slot.lastCount()), encode(slot.current()),
                slot.previous() == null ? NONE : encode(slot.previous()));
    }

    /** @return empty for anything this version did not write (the client then logs in with its password) */
    public static Optional<TokenSlot> decode(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] f = text.split(" ");
        if (f.length != 4 || !VERSION.equals(f[0])) {
            return Optional.empty();
        }
        try {
            StoredToken current = decodeToken(f[2]);
            StoredToken previous = NONE.equals(f[3]) ? null : decodeToken(f[3]);
            return Optional.of(new TokenSlot(current, previous, Long.parseLong(f[1])));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String encode(StoredToken t) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return String.join(",", url(t.uid()), url(t.domainUid()), url(t.jid()), b64.encodeToString(t.verifier()),
                b64.encodeToString(t.responder()), Long.toString(t.issued().toEpochMilli()),
                Long.toString(t.expires().toEpochMilli()));
    }

    private static StoredToken decodeToken(String text) {
        String[] f = text.split(",", -1);
        if (f.length != 7) {
            throw new IllegalArgumentException("not a stored token");
        }
        Base64.Decoder b64 = Base64.getUrlDecoder();
        return new StoredToken(unurl(f[0]), unurl(f[1]), unurl(f[2]), b64.decode(f[3]), b64.decode(f[4]),
                Instant.ofEpochMilli(Long.parseLong(f[5])), Instant.ofEpochMilli(Long.parseLong(f[6])));
    }

    private static String url(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String unurl(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
