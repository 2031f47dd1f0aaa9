package net.bluemind.xmpp.auth.fast;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The arithmetic of SASL {@code HT-SHA-256-NONE} (draft-schmaus-kitten-sasl-ht, used by XEP-0484): the client
 * proves the token with HMAC-SHA-256(token, "Initiator"), the server answers HMAC-SHA-256(token, "Responder").
 * With no channel binding the initiator value is the same at every login, so it is password-equivalent: the
 * store keeps only its SHA-256 (the {@link #verifier}), from which no login can be made.
 */
public final class HtSha256 {

    public static final String MECHANISM = "HT-SHA-256-NONE";
    static final int HMAC_BYTES = 32;

    private HtSha256() {
    }

    public static byte[] initiator(String token) {
        return hmac(token, "Initiator");
    }

    public static byte[] responder(String token) {
        return hmac(token, "Responder");
    }

    /** What the store keeps in place of the token: SHA-256 of the initiator value. */
    static byte[] verifier(byte[] initiator) {
        return sha256(initiator);
    }

    /** Constant-time: the client's initiator value against a stored verifier. */
    static boolean matches(byte[] receivedInitiator, byte[] storedVerifier) {
        return MessageDigest.isEqual(sha256(receivedInitiator), storedVerifier);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static byte[] hmac(String token, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
