package net.bluemind.xmpp.archive.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Durable appends to preallocated journal files, with group commit done by the appending threads themselves
 * (leader/follower): a thread stages its record, and if no write is in progress it becomes the leader, writes every
 * record staged so far in one write per file and makes them durable with one {@code force(false)} (fdatasync); the
 * threads that staged meanwhile wait for it (parked, without the lock), and when it is done it wakes its group and
 * the first thread of the next group, which leads that one. No hand-off to another thread on the way: one sender
 * pays one write and one fdatasync.
 *
 * <p>A group whose write or sync fails is reported failed to all its appenders, and the file is left (the
 * page cache of a file whose fsync failed cannot be trusted): the next record starts a new file. The file a group
 * was written to is passed to the {@link Listener} only once durable; a file is {@link Listener#sealed sealed} once
 * it takes no more records and none of its writes is in flight.
 *
 * @param <T> what an appender attaches to its record (handed back to the listener with the durable range)
 */
final class Journal<T> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Journal.class.getName());

    enum Outcome {
        DURABLE, FAILED, TIMED_OUT
    }

    /** Told, under the journal's lock, what became durable; must be quick and must not call the journal. */
    interface Listener<T> {
        /** Records {@code [from, to)} of {@code file} are durable; one attachment per record, in order. */
        void written(Path file, long from, long to, List<T> attachments);

        /** {@code file} takes no more records. */
        void sealed(Path file);
    }

    private static final int PENDING = 0;
    private static final int DONE = 1;
    private static final int FAILED = 2;

    /** A run of staged records in one file. */
    private static final class Chunk<T> {
        final JournalFile file;
        final long from;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<T> attachments = new ArrayList<>();

        Chunk(JournalFile file, long from) {
            this.file = file;
            this.from = from;
        }
    }

    /** What one leader writes, and the threads waiting for it. */
    private static final class Group<T> {
        final List<Chunk<T>> chunks = new ArrayList<>();
        final List<Thread> waiters = new ArrayList<>();
        volatile int state = PENDING;

        boolean touches(JournalFile f) {
            return chunks.stream().anyMatch(c -> c.file == f);
        }
    }

    private final Path dir;
    private final long fileBytes;
    private final Listener<T> listener;
    private final ReentrantLock lock = new ReentrantLock();
    private Group<T> staging = new Group<>();
    private volatile Group<T> inFlight;
    private volatile long leaderSince;
    private JournalFile current;
    private JournalFile spare;
    private long nextNumber;
    private boolean closed;

    /** @param firstNumber number of the first file this journal creates (past every file already in {@code dir}) */
    Journal(Path dir, long fileBytes, long firstNumber, Listener<T> listener) {
        this.dir = dir;
        this.fileBytes = fileBytes;
        this.nextNumber = firstNumber;
        this.listener = listener;
    }

    /**
     * Appends a record and waits until it is durable, it failed, or {@code timeoutNanos} passed (then it stays
     * staged and is written with a later group: durable later, unless that group fails). While a leader has been
     * writing for longer than the timeout (a stalled disk), new appenders do not wait at all.
     *
     * @throws IOException when no journal file can be created for it (disk full, unwritable directory)
     */
    Outcome append(byte[] payload, T attachment, long timeoutNanos) throws IOException {
        byte[] record = JournalRecords.encode(payload);
        long deadline = System.nanoTime() + timeoutNanos;
        Group<T> mine;
        lock.lock();
        try {
            if (closed) {
                throw new IOException("the archive spool is closed");
            }
            mine = staging;
            stage(record, attachment);
            mine.waiters.add(Thread.currentThread());
            if (inFlight == null) {
                lead();
            }
        } finally {
            lock.unlock();
        }
        // waiting takes no lock: the leader unparks its group's threads, and one thread of the next group to lead it
        boolean interrupted = false;
        try {
            while (true) {
                int state = mine.state;
                if (state != PENDING) {
                    return state == DONE ? Outcome.DURABLE : Outcome.FAILED;
                }
                if (inFlight == null) {
                    lock.lock();
                    try {
                        if (mine.state == PENDING && inFlight == null) {
                            lead();
                        }
                    } finally {
                        lock.unlock();
                    }
                    continue;
                }
                long now = System.nanoTime();
                if (now - deadline >= 0 || now - leaderSince > timeoutNanos) {
                    lock.lock();
                    try {
                        mine.waiters.remove(Thread.currentThread()); // not the one to lead that group any more
                    } finally {
                        lock.unlock();
                    }
                    return mine.state == PENDING ? Outcome.TIMED_OUT : mine.state == DONE ? Outcome.DURABLE : Outcome.FAILED;
                }
                LockSupport.parkNanos(this, deadline - now);
                if (Thread.interrupted()) {
                    interrupted = true; // the message path is not ours to abort: finish the wait, keep the flag
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Writes what appenders that stopped waiting left staged (called now and then by the spooler thread). */
    void flush() {
        lock.lock();
        try {
            if (inFlight == null && !staging.chunks.isEmpty()) {
                lead();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Prepares the next file ahead, off the message path, so that a group rarely pays for creating one. */
    void prepareSpare() {
        long number;
        lock.lock();
        try {
            if (spare != null || closed) {
                return;
            }
            number = nextNumber++;
        } finally {
            lock.unlock();
        }
        try {
            JournalFile f = JournalFile.create(dir, number, fileBytes);
            lock.lock();
            try {
                if (spare == null && !closed) {
                    spare = f;
                    return;
                }
            } finally {
                lock.unlock();
            }
            f.closeQuietly();
            Files.deleteIfExists(f.path);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot prepare the next archive spool file in " + dir + "; tried again when needed", e);
        }
    }

    /** Under the lock. */
    private void stage(byte[] record, T attachment) throws IOException {
        if (current == null || current.allocated + record.length > current.capacity) {
            rotate(record.length);
        }
        List<Chunk<T>> chunks = staging.chunks;
        Chunk<T> last = chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
        if (last == null || last.file != current) {
            last = new Chunk<>(current, current.allocated);
            chunks.add(last);
        }
        last.bytes.writeBytes(record);
        last.attachments.add(attachment);
        current.allocated += record.length;
    }

    /** Under the lock: the next file becomes current; the old one is sealed once none of its writes is pending. */
    private void rotate(int recordBytes) throws IOException {
        JournalFile old = current;
        current = null;
        if (old != null) {
            sealIfIdle(old);
        }
        if (spare != null && recordBytes <= spare.capacity) {
            current = spare;
            spare = null;
        } else {
            // no file prepared (or a record larger than a file): created here, while the lock is held
            boolean interrupted = Thread.interrupted(); // see lead()
            try {
                current = JournalFile.create(dir, nextNumber++, Math.max(fileBytes, recordBytes));
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private void sealIfIdle(JournalFile f) {
        if (f != current && !staging.touches(f) && (inFlight == null || !inFlight.touches(f))) {
            f.closeQuietly();
            listener.sealed(f.path);
        }
    }

    /** Under the lock, released while writing. */
    private void lead() {
        Group<T> g = staging;
        staging = new Group<>();
        inFlight = g;
        leaderSince = System.nanoTime();
        lock.unlock();
        // a FileChannel closes itself when a thread with its interrupt flag set writes to it: the flag of the
        // capturing thread that leads is set aside while it writes
        boolean interrupted = Thread.interrupted();
        IOException failure = null;
        try {
            write(g);
        } catch (IOException e) {
            failure = e;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            lock.lock();
        }
        if (failure == null) {
            for (Chunk<T> c : g.chunks) {
                listener.written(c.file.path, c.from, c.from + c.bytes.size(), c.attachments);
            }
            g.state = DONE; // after the listener: an appender that sees it finds its record registered
        } else {
            g.state = FAILED;
            LOG.log(Level.SEVERE, "cannot write the archive spool in " + dir + " (" + g.chunks.stream()
                    .mapToInt(c -> c.attachments.size()).sum() + " record(s) not written); the next write starts a new file",
                    failure);
            for (Chunk<T> c : g.chunks) {
                if (c.file == current) {
                    current = null; // a file whose write or sync failed is not written again
                }
            }
        }
        inFlight = null;
        Set<JournalFile> touched = new LinkedHashSet<>();
        g.chunks.forEach(c -> touched.add(c.file));
        touched.forEach(this::sealIfIdle);
        wake(g);
        if (!staging.waiters.isEmpty()) {
            LockSupport.unpark(staging.waiters.get(0)); // leads the next group at once
        }
    }

    private static void wake(Group<?> g) {
        Thread me = Thread.currentThread();
        for (Thread t : g.waiters) {
            if (t != me) {
                LockSupport.unpark(t);
            }
        }
    }

    private static <T> void write(Group<T> g) throws IOException {
        Set<JournalFile> files = new LinkedHashSet<>();
        for (Chunk<T> c : g.chunks) {
            ByteBuffer b = ByteBuffer.wrap(c.bytes.toByteArray());
            long pos = c.from;
            while (b.hasRemaining()) {
                pos += c.file.channel.write(b, pos);
            }
            files.add(c.file);
        }
        for (JournalFile f : files) {
            f.channel.force(false);
        }
    }

    /** Writes what is staged, seals the current file and deletes the unused spare. */
    @Override
    public void close() {
        flush();
        lock.lock();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (inFlight != null && System.nanoTime() - deadline < 0) {
                lock.unlock();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                lock.lock();
            }
            closed = true;
            if (!staging.chunks.isEmpty()) {
                Group<T> left = staging;
                staging = new Group<>();
                left.state = FAILED; // staged while closing: never written, their appenders are told so
                wake(left);
            }
            if (current != null) {
                JournalFile f = current;
                current = null;
                sealIfIdle(f);
            }
            if (spare != null) {
                spare.closeQuietly();
                Files.deleteIfExists(spare.path);
                spare = null;
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "unused archive spool file left; removed at the next start", e);
        } finally {
            lock.unlock();
        }
    }
}
