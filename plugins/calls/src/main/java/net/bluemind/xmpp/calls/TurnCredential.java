package net.bluemind.xmpp.calls;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A TURN credential of the TURN REST scheme (draft-uberti-behave-turn-rest; coturn's {@code use-auth-secret}):
 * username {@code <expiry unix seconds>:<user>}, password {@code base64(HMAC-SHA1(secret, username))}. coturn
 * recomputes the password from the username with the same secret and refuses a username whose expiry is past.
 */
public record TurnCredential(String username, String password, Instant expires) {

    public static TurnCredential issue(byte[] secret, String user, Instant expires) {
        String username = expires.getEpochSecond() + ":" + user;
        return new TurnCredential(username, hmacSha1Base64(secret, username), Instant.ofEpochSecond(expires.getEpochSecond()));
    }

    static String hmacSha1Base64(byte[] secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "TurnCredential[" + username + ", expires " + expires + "]"; // never the password
    }
}
