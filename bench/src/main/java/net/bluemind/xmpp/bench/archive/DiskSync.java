package net.bluemind.xmpp.bench.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import net.bluemind.xmpp.bench.Latencies;

/**
 * The disk's own cost of making a few hundred bytes durable, in the directory the spool uses, for comparison in the
 * same run: an append to a file whose blocks already exist followed by {@code force(false)} (fdatasync, the least a
 * durable write can cost), and what the spool does per batch (a new file, written, fdatasync'd, renamed).
 */
final class DiskSync {

    private static final int SAMPLES = 300;
    private static final byte[] RECORD = new byte[256];

    private DiskSync() {
    }

    /** fdatasync of a 256-byte write into a preallocated, already written file. */
    static Latencies appendToPreallocated(Path dir) throws IOException {
        Arrays.fill(RECORD, (byte) 'x');
        Path file = dir.resolve("fdatasync-baseline");
        Latencies out = new Latencies();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ)) {
            ByteBuffer zeros = ByteBuffer.allocate((SAMPLES + 1) * RECORD.length);
            ch.write(zeros, 0);
            ch.force(true);
            for (int i = 0; i < SAMPLES; i++) {
                long t0 = System.nanoTime();
                ch.write(ByteBuffer.wrap(RECORD), (long) i * RECORD.length);
                ch.force(false);
                out.add(System.nanoTime() - t0);
            }
        } finally {
            Files.deleteIfExists(file);
        }
        return out;
    }

    /** A new 256-byte file per write, fdatasync'd and renamed: the spool's way per batch. */
    static Latencies newFilePerWrite(Path dir) throws IOException {
        Latencies out = new Latencies();
        for (int i = 0; i < SAMPLES; i++) {
            Path tmp = dir.resolve("f" + i + ".tmp");
            Path target = dir.resolve("f" + i);
            long t0 = System.nanoTime();
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(RECORD));
                ch.force(false);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            out.add(System.nanoTime() - t0);
            Files.delete(target);
        }
        return out;
    }
}
