package net.bluemind.xmpp.archive.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The durable local spool: every batch is written here (one file per batch, fsync'd, atomically renamed)
 * before it is sent, and deleted once Elasticsearch has acknowledged it. What is in the directory at start
 * is what was never acknowledged, and is replayed. Bounded by {@code archive-spool-max}; a loud warning is
 * logged each time it crosses 80%.
 */
public final class Spool {

    private static final Logger LOG = Logger.getLogger(Spool.class.getName());
    private static final String PREFIX = "seg-";
    private static final String SUFFIX = ".ndjson";

    private final Path dir;
    private final long maxBytes;
    private final DeadLetters deadLetters;
    private final ConcurrentSkipListMap<Long, Segment> pending = new ConcurrentSkipListMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private long nextSeq;
    private boolean nearFull;

    public Spool(Path dir, long maxBytes) throws IOException {
        this.dir = dir;
        this.maxBytes = maxBytes;
        Files.createDirectories(dir);
        this.deadLetters = new DeadLetters(dir.resolve("dead-letters.ndjson"));
        recover();
    }

    private void recover() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                recoverFile(p);
            }
        }
        if (!pending.isEmpty()) {
            LOG.info(() -> "archive spool " + dir + " holds " + pending.size() + " unsent batch(es), " + bytes.get()
                    + " bytes: they will be written to Elasticsearch");
        }
        checkFill();
    }

    private void recoverFile(Path found) throws IOException {
        Path p = found;
        String name = p.getFileName().toString();
        if (name.startsWith(PREFIX) && name.endsWith(SUFFIX + ".tmp")) {
            // a crash while writing. A rewrite of an existing segment: the old complete file wins. A new batch:
            // never acknowledged, so its complete lines are kept (a torn last line goes to the dead letters)
            p = dir.resolve(name.substring(0, name.length() - 4));
            if (Files.exists(p)) {
                Files.delete(found);
            } else {
                Files.move(found, p, StandardCopyOption.ATOMIC_MOVE);
            }
            name = p.getFileName().toString();
        }
        if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) {
            return;
        }
        try {
            long seq = Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
            long size = Files.size(p);
            pending.put(seq, new Segment(p, seq, size));
            bytes.addAndGet(size);
            nextSeq = Math.max(nextSeq, seq + 1);
        } catch (NumberFormatException e) {
            LOG.warning("ignoring unexpected file in the archive spool: " + p);
        }
    }

    /** Writes a batch durably; the returned segment stays pending until {@link #remove}. */
    public synchronized Segment append(List<EncodedMessage> batch) throws SpoolFullException, IOException {
        byte[] body = lines(batch);
        if (bytes.get() + body.length > maxBytes) {
            throw new SpoolFullException("archive spool " + dir + " is full (" + bytes.get() + " of " + maxBytes
                    + " bytes, archive-spool-max)");
        }
        long seq = nextSeq++;
        Path target = dir.resolve(PREFIX + String.format("%020d", seq) + SUFFIX);
        write(target, body);
        Segment s = new Segment(target, seq, body.length);
        pending.put(seq, s);
        bytes.addAndGet(body.length);
        checkFill();
        return s;
    }

    /** Replaces a segment's content by what is left of it (partially acknowledged batch). */
    public synchronized Segment replace(Segment s, List<EncodedMessage> remaining) throws IOException {
        if (remaining.isEmpty()) {
            remove(s);
            return null;
        }
        byte[] body = lines(remaining);
        write(s.path(), body);
        Segment updated = new Segment(s.path(), s.seq(), body.length);
        pending.put(s.seq(), updated);
        bytes.addAndGet(body.length - s.bytes());
        return updated;
    }

    public synchronized void remove(Segment s) throws IOException {
        Files.deleteIfExists(s.path());
        if (pending.remove(s.seq()) != null) {
            bytes.addAndGet(-s.bytes());
        }
        checkFill();
    }

    /** Pending segments, oldest first. */
    public List<Segment> pending() {
        return new ArrayList<>(pending.values());
    }

    /** The messages of a segment; unreadable lines are moved to the dead letters, never lost silently. */
    public List<EncodedMessage> read(Segment s) throws IOException {
        List<EncodedMessage> out = new ArrayList<>();
        byte[] all = Files.readAllBytes(s.path());
        int start = 0;
        for (int i = 0; i <= all.length; i++) {
            if (i == all.length || all[i] == '\n') {
                if (i > start) {
                    byte[] line = java.util.Arrays.copyOfRange(all, start, i);
                    try {
                        out.add(EncodedMessage.parse(line));
                    } catch (IllegalArgumentException e) {
                        deadLetters.add(line, "unreadable spool line in " + s.path().getFileName() + ": " + e.getMessage());
                    }
                }
                start = i + 1;
            }
        }
        return out;
    }

    public long bytes() {
        return bytes.get();
    }

    public int segments() {
        return pending.size();
    }

    public DeadLetters deadLetters() {
        return deadLetters;
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

    private static byte[] lines(List<EncodedMessage> batch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(batch.size() * 256);
        for (EncodedMessage m : batch) {
            out.writeBytes(m.json());
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static void write(Path target, byte[] body) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(body);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(false);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            LOG.log(Level.SEVERE, "cannot write the archive spool " + tmp, e);
            throw e;
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
