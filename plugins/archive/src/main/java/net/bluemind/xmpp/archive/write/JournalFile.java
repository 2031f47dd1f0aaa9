package net.bluemind.xmpp.archive.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One journal file of the spool: created at its full size, filled with zeros and synced (with its directory entry)
 * before it takes a record, so that appending to it later changes no file metadata and {@code force(false)}
 * (fdatasync) has only the appended data to write.
 */
final class JournalFile {

    private static final Pattern NAME = Pattern.compile("journal-(\\d{20})\\.bmj");
    private static final int ZEROS = 1 << 16;

    final Path path;
    final long number;
    final long capacity;
    final FileChannel channel;
    /** Bytes given to records so far (staged or written). */
    long allocated;

    private JournalFile(Path path, long number, long capacity, FileChannel channel) {
        this.path = path;
        this.number = number;
        this.capacity = capacity;
        this.channel = channel;
    }

    static Path pathOf(Path dir, long number) {
        return dir.resolve(String.format("journal-%020d.bmj", number));
    }

    /** The file's number, or -1 when the name is not a journal file's. */
    static long numberOf(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Creates and preallocates a new journal file; it is durable (entry and zeros) when this returns. */
    static JournalFile create(Path dir, long number, long capacity) throws IOException {
        Path p = pathOf(dir, number);
        FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
        try {
            ByteBuffer zeros = ByteBuffer.allocate(ZEROS);
            for (long pos = 0; pos < capacity; pos += ZEROS) {
                zeros.clear().limit((int) Math.min(ZEROS, capacity - pos));
                while (zeros.hasRemaining()) {
                    ch.write(zeros, pos + zeros.position());
                }
            }
            ch.force(true);
            syncDirectory(dir);
            return new JournalFile(p, number, capacity, ch);
        } catch (IOException | RuntimeException e) {
            ch.close();
            Files.deleteIfExists(p);
            throw e;
        }
    }

    /** Makes the directory's entries durable (a new file's name, so that a crash cannot lose the file itself). */
    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        }
    }

    void closeQuietly() {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to write to it
        }
    }
}
