package net.bluemind.xmpp.auth;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A SASL PLAIN message (RFC 4616): {@code [authzid] NUL authcid NUL passwd}, each part UTF-8.
 * Parsing is strict: exactly two NULs (so no NUL inside the password), valid UTF-8, a non-empty
 * authcid and password, and no part longer than {@link #MAX_FIELD_BYTES}.
 *
 * @param authzid the authorization identity, empty when the client sent none
 */
public record PlainMessage(String authzid, String authcid, String password) {

    /** RFC 4616 asks servers to accept at least 255 octets; BlueMind session tokens fit easily. */
    public static final int MAX_FIELD_BYTES = 1024;

    public PlainMessage {
        if (authzid == null || authcid == null || password == null) {
            throw new IllegalArgumentException("PLAIN parts cannot be null");
        }
    }

    public static PlainMessage parse(byte[] message) throws MalformedPlainException {
        if (message == null || message.length == 0) {
            throw new MalformedPlainException("empty PLAIN message");
        }
        if (message.length > 3 * MAX_FIELD_BYTES + 2) {
            throw new MalformedPlainException("PLAIN message too long (" + message.length + " bytes)");
        }
        int first = indexOfNul(message, 0);
        int second = first < 0 ? -1 : indexOfNul(message, first + 1);
        if (second < 0 || indexOfNul(message, second + 1) >= 0) {
            throw new MalformedPlainException("a PLAIN message is authzid NUL authcid NUL password, with exactly two "
                    + "NUL separators (found " + countNuls(message) + ")");
        }
        String authzid = field(message, 0, first, "authorization identity");
        String authcid = field(message, first + 1, second, "authentication identity");
        String password = field(message, second + 1, message.length, "password");
        if (authcid.isEmpty()) {
            throw new MalformedPlainException("the authentication identity is empty");
        }
        if (password.isEmpty()) {
            throw new MalformedPlainException("the password is empty");
        }
        return new PlainMessage(authzid, authcid, password);
    }

    private static String field(byte[] b, int from, int to, String what) throws MalformedPlainException {
        if (to - from > MAX_FIELD_BYTES) {
            throw new MalformedPlainException("the " + what + " is longer than " + MAX_FIELD_BYTES + " bytes");
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return utf8.decode(ByteBuffer.wrap(b, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedPlainException("the " + what + " is not valid UTF-8");
        }
    }

    private static int indexOfNul(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int countNuls(byte[] b) {
        int n = 0;
        for (byte x : b) {
            n += x == 0 ? 1 : 0;
        }
        return n;
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "PlainMessage[authzid=" + authzid + ", authcid=" + authcid + ", password=<" + password.length()
                + " chars>]";
    }
}
