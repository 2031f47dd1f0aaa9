package net.bluemind.xmpp.auth.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * SHA-256 of a per-entry random salt followed by the secret. Only this is kept in memory, never the secret;
 * comparison is constant-time.
 */
final class SaltedHash {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SALT_BYTES = 16;

    private final byte[] salt;
    private final byte[] hash;

    private SaltedHash(byte[] salt, byte[] hash) {
        this.salt = salt;
        this.hash = hash;
    }

    static SaltedHash of(String secret) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new SaltedHash(salt, digest(salt, secret));
    }

    boolean matches(String secret) {
        return MessageDigest.isEqual(hash, digest(salt, secret));
    }

    private static byte[] digest(byte[] salt, String secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "SaltedHash[sha-256]";
    }
}
