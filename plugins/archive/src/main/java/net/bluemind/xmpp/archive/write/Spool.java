package net.bluemind.xmpp.archive.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The durable local spool: every message is appended to a journal of preallocated files ({@link Journal}: one
 * write and one fdatasync per group of concurrent appenders) before it is sent, and Elasticsearch is written from
 * it. The messages not acknowledged yet are {@link Segment}s: runs of records of a journal file. A journal file is
 * deleted once it takes no more records and all its segments are acknowledged, so what is in the directory at start
 * holds everything never acknowledged (and possibly some acknowledged messages of the same files: written again
 * under the same ids, never duplicated), and is replayed. Spool files of the format before the journal are replayed
 * too. Bounded by {@code archive-spool-max}; a loud warning is logged each time it crosses 80%.
 */
public final class Spool implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Spool.class.getName());
    /** Size of a journal file. */
    static final long FILE_BYTES = 4L << 20;
    /** Size past which the records captured one by one start a new segment. */
    static final long SEGMENT_BYTES = 1L << 20;
    /** Most bytes of segment content kept in memory, so the sender need not read back what was just written. */
    private static final long CACHE_BYTES = 32L << 20;

    /** What a journal record carries back to the spool: its documents, and whether it is a segment of its own. */
    private static final class Entry {
        final List<EncodedMessage> docs;
        final boolean own;
        Segment segment;

        Entry(List<EncodedMessage> docs, boolean own) {
            this.docs = docs;
            this.own = own;
        }
    }

    /** The segment the records appended one by one are added to, until it is handed to the sender. */
    private static final class Open {
        final Path file;
        final long seq;
        final long from;
        long to;
        final List<EncodedMessage> docs = new ArrayList<>();

        Open(Path file, long seq, long from) {
            this.file = file;
            this.seq = seq;
            this.from = from;
            this.to = from;
        }
    }

    /** How many segments still need a journal file, and whether it takes more records. */
    private static final class FileState {
        int live;
        boolean sealed;
    }

    private final Path dir;
    private final long maxBytes;
    private final DeadLetters deadLetters;
    private final ConcurrentSkipListMap<Long, Segment> pending = new ConcurrentSkipListMap<>();
    private final Map<Long, List<EncodedMessage>> cached = new ConcurrentHashMap<>();
    private final AtomicLong cachedBytes = new AtomicLong();
    private final Map<Path, FileState> files = new HashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final Journal<Entry> journal;
    private long nextSeq;
    private Open open;
    private boolean nearFull;

    public Spool(Path dir, long maxBytes) throws IOException {
        this(dir, maxBytes, FILE_BYTES);
    }

    Spool(Path dir, long maxBytes, long fileBytes) throws IOException {
        this.dir = dir;
        this.maxBytes = maxBytes;
        Files.createDirectories(dir);
        this.deadLetters = new DeadLetters(dir.resolve("dead-letters.ndjson"));
        long lastFile = recover();
        this.journal = new Journal<>(dir, fileBytes, lastFile + 1, new Journal.Listener<>() {
            @Override
            public void written(Path file, long from, long to, List<Entry> entries) {
                Spool.this.written(file, from, to, entries);
            }

            @Override
            public void sealed(Path file) {
                Spool.this.sealed(file);
            }
        });
    }

    /** Lists what the directory holds; returns the highest journal file number (-1: none). */
    private long recover() throws IOException {
        List<Path> found;
        try (Stream<Path> list = Files.list(dir)) {
            found = list.sorted().toList();
        }
        long last = -1;
        for (Path p : found) {
            if (LegacySegments.isOne(p)) {
                Segment s = LegacySegments.recover(p, nextSeq);
                if (s != null) {
                    register(s);
                }
            }
        }
        for (Path p : found) {
            long n = JournalFile.numberOf(p);
            if (n >= 0) {
                last = Math.max(last, n);
                recoverJournal(p);
            }
        }
        if (!pending.isEmpty()) {
            LOG.info(() -> "archive spool " + dir + " holds " + pending.size() + " unsent batch(es), " + bytes.get()
                    + " bytes: they will be written to Elasticsearch");
        }
        checkFill();
        return last;
    }

    /** One segment per run of readable records (at most {@link #SEGMENT_BYTES}); unreadable bytes are logged. */
    private void recoverJournal(Path p) throws IOException {
        ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(p));
        JournalRecords.Scan scan = JournalRecords.scan(data, 0, data.capacity());
        for (JournalRecords.Skipped s : scan.skipped()) {
            if (s.atEnd()) {
                LOG.warning(() -> "archive spool " + p.getFileName() + ": a torn record at its end (offset " + s.offset()
                        + ", " + s.length() + " bytes) is skipped: a write cut by a crash, never acknowledged");
            } else {
                LOG.severe(() -> "archive spool " + p.getFileName() + ": a corrupt record (offset " + s.offset() + ", "
                        + s.length() + " bytes) is skipped: the disk returned damaged data, the messages in it cannot"
                        + " be replayed; the records after it are");
            }
        }
        FileState state = new FileState();
        state.sealed = true;
        files.put(p, state);
        long from = -1;
        long to = -1;
        for (JournalRecords.Found r : scan.records()) {
            if (from >= 0 && (r.offset() != to || r.end() - from > SEGMENT_BYTES)) {
                register(new Segment(p, nextSeq, from, to - from, to - from, false));
                from = -1;
            }
            if (from < 0) {
                from = r.offset();
            }
            to = r.end();
        }
        if (from >= 0) {
            register(new Segment(p, nextSeq, from, to - from, to - from, false));
        }
        if (state.live == 0) {
            files.remove(p);
            Files.deleteIfExists(p); // prepared and never used, or only a write cut by a crash (logged above)
        }
    }

    private void register(Segment s) {
        pending.put(s.seq(), s);
        nextSeq = Math.max(nextSeq, s.seq() + 1);
        bytes.addAndGet(s.bytes());
        FileState f = files.get(s.path());
        if (f != null) {
            f.live++;
        }
    }

    /**
     * Writes a batch durably, as a segment of its own (the writer's batches, queued-only mode); the returned segment
     * stays pending until {@link #remove}.
     */
    public Segment append(List<EncodedMessage> batch) throws SpoolFullException, IOException {
        byte[] body = lines(batch);
        checkRoom(body.length);
        Entry e = new Entry(batch, true);
        if (journal.append(body, e, Long.MAX_VALUE) != Journal.Outcome.DURABLE) {
            throw new IOException("cannot write the archive spool in " + dir + " (see the log above)");
        }
        return e.segment;
    }

    /**
     * Writes one captured message durably, sharing the write and the fdatasync with the messages other threads
     * append at the same time; this thread may do the write itself. Returns false when not durable within
     * {@code timeoutNanos}: it stays staged and is written with a later group.
     */
    public boolean appendDurably(EncodedMessage m, long timeoutNanos) throws SpoolFullException, IOException {
        byte[] body = lines(List.of(m));
        checkRoom(body.length);
        Journal.Outcome o = journal.append(body, new Entry(List.of(m), false), timeoutNanos);
        if (o == Journal.Outcome.FAILED) {
            throw new IOException("cannot write the archive spool in " + dir + " (see the log above)");
        }
        return o == Journal.Outcome.DURABLE;
    }

    private void checkRoom(int more) throws SpoolFullException {
        if (bytes.get() + more > maxBytes) {
            throw new SpoolFullException("archive spool " + dir + " is full (" + bytes.get() + " of " + maxBytes
                    + " bytes, archive-spool-max)");
        }
    }

    /** The journal's listener, under its lock. */
    private synchronized void written(Path file, long from, long to, List<Entry> entries) {
        FileState f = files.computeIfAbsent(file, k -> new FileState());
        long pos = from;
        for (Entry e : entries) {
            long len = JournalRecords.HEADER + docBytes(e.docs);
            if (e.own) {
                sealOpen();
                Segment s = new Segment(file, nextSeq++, pos, len, len, false);
                f.live++;
                pending.put(s.seq(), s);
                bytes.addAndGet(len);
                cache(s.seq(), e.docs, len);
                e.segment = s;
            } else {
                if (open != null && (!open.file.equals(file) || open.to != pos || open.to - open.from >= SEGMENT_BYTES)) {
                    sealOpen();
                }
                if (open == null) {
                    open = new Open(file, nextSeq++, pos);
                    f.live++;
                }
                open.to = pos + len;
                open.docs.addAll(e.docs);
                bytes.addAndGet(len);
            }
            pos += len;
        }
        checkFill();
    }

    /** Under this spool's lock: the open segment becomes pending. */
    private void sealOpen() {
        if (open == null) {
            return;
        }
        Segment s = new Segment(open.file, open.seq, open.from, open.to - open.from, open.to - open.from, false);
        pending.put(s.seq(), s);
        cache(s.seq(), open.docs, s.bytes());
        open = null;
    }

    private void cache(long seq, List<EncodedMessage> docs, long size) {
        if (cachedBytes.get() + size <= CACHE_BYTES) {
            cached.put(seq, docs);
            cachedBytes.addAndGet(size);
        }
    }

    private void uncache(long seq, long size) {
        if (cached.remove(seq) != null) {
            cachedBytes.addAndGet(-size);
        }
    }

    /** Forgets the content kept in memory (while Elasticsearch is away, the files are the only copy kept). */
    public void dropCache() {
        cached.clear();
        cachedBytes.set(0);
    }

    private synchronized void sealed(Path file) {
        FileState f = files.get(file);
        if (f == null) {
            deleteQuietly(file); // nothing ever became durable in it
            return;
        }
        f.sealed = true;
        reclaim(file, f);
    }

    private void reclaim(Path file, FileState f) {
        if (f.sealed && f.live == 0) {
            files.remove(file);
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // left on disk: replayed at the next start, its messages written again under the same ids
            LOG.warning("cannot delete the archive spool file " + file + ": " + e.getMessage());
        }
    }

    /**
     * Replaces a segment by what is left of it (partially acknowledged): what is left is appended to the journal as
     * a segment of its own, then the old one is removed.
     */
    public Segment replace(Segment s, List<EncodedMessage> remaining) throws IOException {
        if (remaining.isEmpty()) {
            remove(s);
            return null;
        }
        Segment kept;
        try {
            kept = append(remaining);
        } catch (SpoolFullException e) {
            throw new IOException(e.getMessage(), e); // the old segment stays: nothing lost
        }
        remove(s);
        return kept;
    }

    /** Acknowledged: forgotten, and its file deleted when nothing else needs it. */
    public synchronized void remove(Segment s) throws IOException {
        if (open != null && open.seq == s.seq()) {
            sealOpen();
        }
        if (pending.remove(s.seq()) == null) {
            return;
        }
        bytes.addAndGet(-s.bytes());
        uncache(s.seq(), s.bytes());
        if (s.legacy()) {
            Files.deleteIfExists(s.path());
        } else {
            FileState f = files.get(s.path());
            if (f != null) {
                f.live--;
                reclaim(s.path(), f);
            }
        }
        checkFill();
    }

    /** Pending segments, oldest first; what was captured one by one since the last call becomes one more. */
    public List<Segment> pending() {
        synchronized (this) {
            sealOpen();
        }
        return new ArrayList<>(pending.values());
    }

    /** The messages of a segment; unreadable ones are logged and set aside, never lost silently. */
    public List<EncodedMessage> read(Segment s) throws IOException {
        List<EncodedMessage> kept = cached.get(s.seq());
        if (kept != null) {
            return kept;
        }
        List<EncodedMessage> out = new ArrayList<>();
        if (s.legacy()) {
            lines(Files.readAllBytes(s.path()), s.path().getFileName().toString(), out);
            return out;
        }
        ByteBuffer data = ByteBuffer.allocate((int) s.length()); // offsets below: from the segment's start
        try (FileChannel ch = FileChannel.open(s.path(), StandardOpenOption.READ)) {
            while (data.hasRemaining() && ch.read(data, s.offset() + data.position()) >= 0) {
                // positional reads until the segment's end
            }
        }
        JournalRecords.Scan scan = JournalRecords.scan(data, 0, data.capacity());
        if (!scan.skipped().isEmpty()) {
            LOG.severe(() -> "archive spool " + s.path().getFileName() + ": " + scan.skipped().size() + " unreadable"
                    + " record(s) between offsets " + s.offset() + " and " + (s.offset() + s.length()) + " skipped");
        }
        for (JournalRecords.Found r : scan.records()) {
            byte[] payload = new byte[r.length()];
            data.get((int) r.offset() + JournalRecords.HEADER, payload);
            lines(payload, s.path().getFileName().toString(), out);
        }
        return out;
    }

    private void lines(byte[] all, String where, List<EncodedMessage> out) {
        int start = 0;
        for (int i = 0; i <= all.length; i++) {
            if (i == all.length || all[i] == '\n') {
                if (i > start) {
                    byte[] line = java.util.Arrays.copyOfRange(all, start, i);
                    try {
                        out.add(EncodedMessage.parse(line));
                    } catch (IllegalArgumentException e) {
                        deadLetters.add(line, "unreadable spool line in " + where + ": " + e.getMessage());
                    }
                }
                start = i + 1;
            }
        }
    }

    /** Off the message path, now and then: prepares the next journal file, writes what waiters left staged. */
    public void maintain() {
        journal.flush();
        journal.prepareSpare();
    }

    public long bytes() {
        return bytes.get();
    }

    public synchronized int segments() {
        return pending.size() + (open == null ? 0 : 1);
    }

    public DeadLetters deadLetters() {
        return deadLetters;
    }

    public Path dir() {
        return dir;
    }

    private void checkFill() {
        boolean above = bytes.get() * 10 > maxBytes * 8L;
        if (above && !nearFull) {
            LOG.severe(() -> "ARCHIVE SPOOL ABOVE 80%: " + dir + " holds " + bytes.get() + " of " + maxBytes
                    + " bytes (archive-spool-max) because Elasticsearch is not accepting writes; when full, new"
                    + " messages are NOT archived");
        } else if (!above && nearFull) {
            LOG.info(() -> "archive spool back under 80% (" + bytes.get() + " bytes)");
        }
        nearFull = above;
    }

    private static long docBytes(List<EncodedMessage> docs) {
        long n = 0;
        for (EncodedMessage m : docs) {
            n += m.json().length + 1;
        }
        return n;
    }

    private static byte[] lines(List<EncodedMessage> batch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(batch.size() * 256);
        for (EncodedMessage m : batch) {
            out.writeBytes(m.json());
            out.write('\n');
        }
        return out.toByteArray();
    }

    /** Writes what is staged and closes the journal; what is not acknowledged stays for the next start. */
    @Override
    public void close() {
        journal.close();
    }
}
