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

    private static final byte[] RECORD = new byte[256];

    private DiskSync() {
    }

    /**
     * The fdatasync baseline one sample at a time, to be interleaved with what it is compared with (same disk, same
     * moment, same neighbours): 256-byte appends to a preallocated file, each followed by {@code force(false)}.
     */
    static final class Baseline implements AutoCloseable {
        private static final int SLOTS = 4096;
        private final Path file;
        private final FileChannel ch;
        private int next;

        Baseline(Path dir) throws IOException {
            Arrays.fill(RECORD, (byte) 'x');
            file = dir.resolve("fdatasync-interleaved");
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
            ch.write(ByteBuffer.allocate(SLOTS * RECORD.length), 0);
            ch.force(true);
        }

        /** One append + fdatasync, in nanoseconds. */
        long sample() throws IOException {
            long t0 = System.nanoTime();
            ch.write(ByteBuffer.wrap(RECORD), (long) (next++ % SLOTS) * RECORD.length);
            ch.force(false);
            return System.nanoTime() - t0;
        }

        @Override
        public void close() throws IOException {
            ch.close();
            Files.deleteIfExists(file);
        }
    }

    /** A new 256-byte file per write, fdatasync'd and renamed: the spool's way per batch before its journal. */
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
     * it, and hands back (unpark); timed from the hand-off to the return. After each, one {@code baseline} sample
     * into {@code disk}.
     */
    static Latencies handOffNewFilePerWrite(Path dir, Latencies out, int samples, Baseline baseline, Latencies disk)
            throws Exception {
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
            disk.add(baseline.sample());
        }
        writer.join();
        if (failure.get() != null) {
            throw failure.get();
        }
        return out;
    }
}
