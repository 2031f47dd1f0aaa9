package net.bluemind.xmpp.bench.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import net.bluemind.xmpp.bench.Latencies;

/**
 * The disk's own cost of making a few hundred bytes durable, in the directory the spool uses, for comparison in the
 * same run: an append to a file whose blocks already exist followed by {@code force(false)} (fdatasync, the least a
 * durable write can cost), and what the spool did per batch before its journal (a new file, written, fdatasync'd,
 * renamed), alone and as the message path paid it (handed to a writer thread and back).
 */
final class DiskSync {

    static final int SAMPLES = 300;
    private static final byte[] RECORD = new byte[256];

    private DiskSync() {
    }

    /** fdatasync of a 256-byte write into a preallocated, already written file. */
    static Latencies appendToPreallocated(Path dir) throws IOException {
        return appendToPreallocated(dir, new Latencies(), SAMPLES);
    }

    /** {@link #appendToPreallocated(Path)}, {@code samples} of them added to {@code out}. */
    static Latencies appendToPreallocated(Path dir, Latencies out, int samples) throws IOException {
        Arrays.fill(RECORD, (byte) 'x');
        Path file = dir.resolve("fdatasync-baseline");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ)) {
            ByteBuffer zeros = ByteBuffer.allocate((samples + 1) * RECORD.length);
            ch.write(zeros, 0);
            ch.force(true);
            for (int i = 0; i < samples; i++) {
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

    /** A new 256-byte file per write, fdatasync'd and renamed: the spool's way per batch before its journal. */
    static Latencies newFilePerWrite(Path dir) throws IOException {
        return newFilePerWrite(dir, new Latencies(), SAMPLES);
    }

    static Latencies newFilePerWrite(Path dir, Latencies out, int samples) throws IOException {
        for (int i = 0; i < samples; i++) {
            long t0 = System.nanoTime();
            newFile(dir, i);
            out.add(System.nanoTime() - t0);
        }
        return out;
    }

    private static void newFile(Path dir, int i) throws IOException {
        Path tmp = dir.resolve("f" + i + ".tmp");
        Path target = dir.resolve("f" + i);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(RECORD));
            ch.force(false);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        Files.delete(target);
    }

    /**
     * The message path of the spool before its journal, one sender, rebuilt without the rest of the archive: the
     * capturing thread hands its message to a writer thread (unpark), which writes a new file, fdatasyncs and renames
     * it, and hands back (unpark); timed from the hand-off to the return.
     */
    static Latencies handOffNewFilePerWrite(Path dir, Latencies out, int samples) throws Exception {
        Thread caller = Thread.currentThread();
        AtomicInteger asked = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            int served = 0;
            while (served < samples && failure.get() == null) {
                if (asked.get() == served) {
                    LockSupport.park();
                    continue;
                }
                try {
                    newFile(dir, served);
                } catch (IOException e) {
                    failure.set(e);
                }
                done.set(++served);
                LockSupport.unpark(caller);
            }
        }, "bench-old-spooler");
        writer.start();
        for (int i = 0; i < samples && failure.get() == null; i++) {
            long t0 = System.nanoTime();
            asked.set(i + 1);
            LockSupport.unpark(writer);
            while (done.get() <= i && failure.get() == null) {
                LockSupport.park();
            }
            out.add(System.nanoTime() - t0);
        }
        writer.join();
        if (failure.get() != null) {
            throw failure.get();
        }
        return out;
    }
}
