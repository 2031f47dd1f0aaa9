package net.bluemind.xmpp.archive.room;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret under which {@link OccupantIds} are made, kept in {@code occupant-id.key} (32 random bytes, base64)
 * in the certificates' directory: the ids stay the same across restarts, and on every node of a cluster, which
 * shares that directory. Created at first use, readable by the server's user only.
 */
public final class OccupantIdKey {

    public static final String FILE = "occupant-id.key";

    private OccupantIdKey() {
    }

    /** The key in {@code dir}, created there when it has none. */
    public static byte[] loadOrCreate(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, FILE, ".tmp");
            try {
                trySetOwnerOnly(tmp);
                Files.writeString(tmp, Base64.getEncoder().encodeToString(fresh) + "\n");
                Files.move(tmp, file); // never replaces a key another node wrote meanwhile
            } catch (FileAlreadyExistsException raced) {
                // another node (or thread) was first: use its key
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        if (key.length < 16) {
            throw new IOException(file + " holds fewer than 16 bytes");
        }
        return key;
    }

    private static void trySetOwnerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the file system has no POSIX permissions: leave them as they are
        }
    }
}
