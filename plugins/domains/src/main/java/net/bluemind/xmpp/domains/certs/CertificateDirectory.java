package net.bluemind.xmpp.domains.certs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

/**
 * The certs directory: one {@code <host>.pem} per host (chain + key). New files are written private
 * (mode 0600) and atomically, so a reader never sees half a file.
 */
public final class CertificateDirectory {

    private final Path dir;

    public CertificateDirectory(Path dir) {
        this.dir = dir;
    }

    public Path path() {
        return dir;
    }

    public Path fileOf(String host) {
        return dir.resolve(host + ".pem");
    }

    public boolean exists(String host) {
        return Files.isRegularFile(fileOf(host));
    }

    public Optional<byte[]> read(String host) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(fileOf(host)));
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * Writes the file only if none exists yet (an operator's file is never overwritten); false if one did. The file
     * appears whole or not at all, and of several writers at once (cluster nodes sharing this directory) exactly one
     * wins: a hard link fails when the name exists, where a rename would replace it.
     */
    public boolean createIfAbsent(String host, String pem) throws IOException {
        Path tmp = privateTemp(host, pem);
        try {
            if (exists(host)) {
                return false;
            }
            try {
                Files.createLink(fileOf(host), tmp);
            } catch (UnsupportedOperationException e) {
                Files.move(tmp, fileOf(host), StandardCopyOption.ATOMIC_MOVE); // no hard links here: one writer
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Replaces the file atomically, but only while it still holds {@code expectedSha256} (the generated file
     * that was read and found outdated): a file an operator dropped meanwhile is left alone. False when the
     * content had changed.
     */
    public boolean replaceIfUnchanged(String host, String expectedSha256, String pem) throws IOException {
        Path tmp = privateTemp(host, pem);
        try {
            Optional<byte[]> now = read(host);
            if (now.isEmpty() || !PemFormat.sha256(now.get()).equals(expectedSha256)) {
                return false;
            }
            Files.move(tmp, fileOf(host), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Deletes the file while it still holds {@code expectedSha256}; false otherwise. */
    public boolean deleteIfUnchanged(String host, String expectedSha256) throws IOException {
        Optional<byte[]> now = read(host);
        if (now.isEmpty() || !PemFormat.sha256(now.get()).equals(expectedSha256)) {
            return false;
        }
        return Files.deleteIfExists(fileOf(host));
    }

    private Path privateTemp(String host, String pem) throws IOException {
        Files.createDirectories(dir);
        // a name of this writer's own: another node writing the same host into a shared directory has its own
        Path tmp = dir.resolve("." + host + ".pem." + ProcessHandle.current().pid() + "-" + Thread.currentThread().getId() + ".tmp");
        Files.deleteIfExists(tmp);
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, pem, StandardCharsets.US_ASCII);
        return tmp;
    }

    /** Host names of the {@code *.pem} files present. */
    public List<String> hostsWithFiles() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".pem") && !n.startsWith("."))
                    .map(n -> n.substring(0, n.length() - 4))
                    .toList();
        }
    }
}
