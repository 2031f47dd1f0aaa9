package net.bluemind.xmpp.common.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * The machine API token sent as {@code X-BM-ApiKey}, read from its file (first line). Read again when the
 * file changes, and after bm-core refused it (it may have been renewed without the file's date moving).
 * A missing or empty file is REJECTED: no call can be authenticated.
 */
final class ApiToken {

    private final Path file;
    private String token;
    private FileTime readAt;
    private long readSize = -1;

    ApiToken(Path file) {
        this.file = file;
    }

    synchronized String get() throws CoreException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            token = null;
            throw new CoreException(CoreException.Kind.REJECTED,
                    "no bm-core API token: file " + file + " (setting core-token-file) does not exist");
        } catch (IOException e) {
            token = null;
            throw new CoreException(CoreException.Kind.REJECTED, "cannot read the bm-core API token file " + file + ": " + e, e);
        }
        if (token == null || !attrs.lastModifiedTime().equals(readAt) || attrs.size() != readSize) {
            token = read();
            readAt = attrs.lastModifiedTime();
            readSize = attrs.size();
        }
        return token;
    }

    /** bm-core refused the token: read the file again on next use. */
    synchronized void refused() {
        token = null;
    }

    private String read() throws CoreException {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CoreException(CoreException.Kind.REJECTED, "cannot read the bm-core API token file " + file + ": " + e, e);
        }
        String first = content.lines().map(String::trim).findFirst().orElse("");
        if (first.isEmpty()) {
            throw new CoreException(CoreException.Kind.REJECTED, "the bm-core API token file " + file + " is empty");
        }
        return first;
    }
}
