package net.bluemind.xmpp.archive.write;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The background writer: takes captured messages from the {@link CaptureQueue} in batches sized by count,
 * bytes and time, writes each batch to the {@link Spool} first (a batch holding messages whose senders wait,
 * see {@link SpoolTicket}, is cut as soon as the queue is empty: one segment and one fsync for all of them), then to the store in one bulk request, and
 * deletes it from the spool once acknowledged. When the store is unavailable the batches stay in the spool
 * and are sent again, oldest first and merged up to the batch limits, with exponential back-off. Never
 * refreshes the index.
 */
public final class ArchiveWriter implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ArchiveWriter.class.getName());
    private static final int MAX_CACHED = 16;
    /** Most bulk requests' worth of messages in one spool segment. */
    static final int SEGMENT_BULKS = 8;

    private final CaptureQueue queue;
    private final Spool spool;
    private final BulkSink sink;
    private final WriterConfig config;
    private final Backoff backoff;
    private final WriterStats stats = new WriterStats();
    /** Content of recently spooled segments, so the sender need not read them back; bounded. */
    private final Map<Long, List<EncodedMessage>> justSpooled = new ConcurrentHashMap<>();
    private final Thread thread;
    private final Thread sender;
    private volatile boolean running = true;
    private volatile boolean spoolerDone;
    private volatile boolean storeDown;
    /** A message taken from the queue that starts the next segment. */
    private Pending carry;

    private record Pending(EncodedMessage doc, SpoolTicket ticket) {
    }

    public ArchiveWriter(CaptureQueue queue, Spool spool, BulkSink sink, WriterConfig config) {
        this.queue = queue;
        this.spool = spool;
        this.sink = sink;
        this.config = config;
        this.backoff = new Backoff(config.retryInitial(), config.retryMax());
        this.thread = new Thread(this::run, "bm-xmpp-archive-spooler");
        this.thread.setDaemon(true);
        this.sender = new Thread(this::sendLoop, "bm-xmpp-archive-sender");
        this.sender.setDaemon(true);
        queue.bindConsumer(thread);
    }

    public ArchiveWriter start() {
        thread.start();
        sender.start();
        return this;
    }

    public WriterStats stats() {
        return stats;
    }

    private void run() {
        while (running) {
            try {
                List<SpoolTicket> waiting = new ArrayList<>();
                List<EncodedMessage> batch = collect(waiting);
                if (!batch.isEmpty()) {
                    spool(batch, waiting);
                    LockSupport.unpark(sender);
                }
                long refused = queue.takeRefused();
                if (refused > 0) {
                    stats.dropped.addAndGet(refused);
                    LOG.severe(() -> refused + " message(s) NOT archived: the archive queue is full (archive-queue-max)");
                }
            } catch (RuntimeException | Error e) {
                LOG.log(Level.SEVERE, "archive writer error; continuing", e);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            }
        }
        drainOnStop();
    }

    /**
     * Waits until at least a bulk's worth (count or bytes) is queued or the flush interval has passed, then takes
     * what is queued, up to {@value #SEGMENT_BULKS} bulks' worth while the sender is busy with earlier segments:
     * under load one spool write (and fsync) covers several bulk requests. With nothing pending the segment is cut at
     * one bulk, so the sender starts at once instead of waiting for eight bulks to be encoded and synced. As soon as
     * a sender waits for one of the messages taken, the batch ends when the queue is empty (group commit).
     */
    private List<EncodedMessage> collect(List<SpoolTicket> waiting) {
        List<EncodedMessage> batch = new ArrayList<>();
        long bytes = 0;
        if (carry != null) {
            batch.add(carry.doc());
            addTicket(waiting, carry.ticket());
            bytes += size(carry.doc());
            carry = null;
        }
        int bulks = spool.segments() == 0 ? 1 : SEGMENT_BULKS;
        long maxDocs = (long) config.maxDocs() * bulks;
        long maxBytes = config.maxBytes() * bulks;
        long deadline = System.nanoTime() + config.flushInterval().toNanos();
        while (running) {
            CaptureQueue.Queued q;
            while (batch.size() < maxDocs && (q = queue.poll()) != null) {
                EncodedMessage e = EncodedMessage.of(q.message());
                long b = size(e);
                if (!batch.isEmpty() && bytes + b > maxBytes) {
                    carry = new Pending(e, q.ticket()); // starts the next segment
                    return batch;
                }
                batch.add(e);
                addTicket(waiting, q.ticket());
                bytes += b;
            }
            long now = System.nanoTime();
            if (!waiting.isEmpty() || batch.size() >= config.maxDocs() || bytes >= config.maxBytes()
                    || now - deadline >= 0) {
                break;
            }
            LockSupport.parkNanos(Math.min(deadline - now, TimeUnit.MILLISECONDS.toNanos(50)));
        }
        return batch;
    }

    private static void addTicket(List<SpoolTicket> waiting, SpoolTicket t) {
        if (t != null) {
            waiting.add(t);
        }
    }

    private static long size(EncodedMessage e) {
        return e.json().length + WriterConfig.ACTION_OVERHEAD;
    }

    private void spool(List<EncodedMessage> batch, List<SpoolTicket> waiting) {
        boolean spooled = false;
        try {
            Segment s = spool.append(batch);
            spooled = true;
            if (!storeDown && justSpooled.size() < MAX_CACHED) {
                justSpooled.put(s.seq(), batch); // about to be sent: spare re-reading it
            }
        } catch (SpoolFullException e) {
            stats.dropped.addAndGet(batch.size());
            LOG.severe(() -> batch.size() + " message(s) NOT archived: " + e.getMessage());
        } catch (IOException e) {
            stats.dropped.addAndGet(batch.size());
            LOG.log(Level.SEVERE, batch.size() + " message(s) NOT archived: the spool cannot be written", e);
        } finally {
            for (SpoolTicket t : waiting) {
                t.done(spooled);
            }
        }
    }

    /**
     * The sender: writes pending segments while the spooler prepares the next batch, so encoding and fsync
     * overlap with Elasticsearch's work.
     */
    private void sendLoop() {
        while (!spoolerDone) {
            try {
                sendPending();
                long wait = backoff.active() ? Math.max(backoff.waitNanos(System.nanoTime()), 1_000_000)
                        : TimeUnit.MILLISECONDS.toNanos(100);
                if (!backoff.active() && spool.segments() > 0) {
                    continue;
                }
                LockSupport.parkNanos(wait);
            } catch (RuntimeException | Error e) {
                LOG.log(Level.SEVERE, "archive sender error; continuing", e);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            }
        }
        try {
            if (!backoff.active()) {
                sendPending();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "last archive write on stop failed; the spool keeps it", e);
        }
        LOG.info(() -> "archive writer stopped; spool holds " + spool.segments() + " batch(es)");
    }

    private void sendPending() {
        List<Segment> pending = spool.pending();
        int i = 0;
        while (i < pending.size() && backoff.due(System.nanoTime())) {
            List<Segment> group = new ArrayList<>();
            List<EncodedMessage> docs = new ArrayList<>();
            long bytes = 0;
            while (i < pending.size()) {
                Segment s = pending.get(i);
                List<EncodedMessage> content = contentOf(s);
                if (content == null) {
                    backoff.failed(System.nanoTime());
                    return;
                }
                long b = s.bytes() + (long) content.size() * (WriterConfig.ACTION_OVERHEAD - 1); // -1: the newline
                if (!group.isEmpty() && (docs.size() + content.size() > config.maxDocs() || bytes + b > config.maxBytes())) {
                    break;
                }
                group.add(s);
                docs.addAll(content);
                bytes += b;
                i++;
            }
            if (!send(group, docs)) {
                return;
            }
        }
    }

    private List<EncodedMessage> contentOf(Segment s) {
        List<EncodedMessage> cached = justSpooled.get(s.seq());
        if (cached != null) {
            return cached;
        }
        try {
            return spool.read(s);
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "cannot read archive spool segment " + s.path() + "; it stays for a later try", e);
            return null;
        }
    }

    /**
     * Sends the documents of a group of segments in bulk requests within the count and byte limits. When all are
     * acknowledged (or set aside) the segments are deleted; otherwise what is left is written back to the first
     * segment and the others deleted. Returns false when the writer must back off.
     */
    private boolean send(List<Segment> group, List<EncodedMessage> docs) {
        List<EncodedMessage> retry = new ArrayList<>();
        int start = 0;
        boolean unavailable = false;
        while (start < docs.size()) {
            int end = chunkEnd(docs, start);
            List<EncodedMessage> chunk = docs.subList(start, end);
            BulkOutcome outcome;
            try {
                stats.bulkRequests.incrementAndGet();
                outcome = sink.write(chunk);
            } catch (SinkUnavailableException | RuntimeException e) {
                unavailable = true;
                noteFailure(e);
                break;
            }
            for (BulkOutcome.Rejected r : outcome.rejected()) {
                spool.deadLetters().add(r.message().json(), "refused by Elasticsearch: " + r.reason());
            }
            stats.rejected.addAndGet(outcome.rejected().size());
            stats.stored.addAndGet(chunk.size() - outcome.retry().size() - outcome.rejected().size());
            retry.addAll(outcome.retry());
            start = end;
        }
        List<EncodedMessage> left = new ArrayList<>(retry);
        left.addAll(docs.subList(start, docs.size()));
        try {
            Segment first = group.get(0);
            spool.replace(first, left);
            justSpooled.remove(first.seq());
            for (Segment s : group.subList(1, group.size())) {
                spool.remove(s);
                justSpooled.remove(s.seq());
            }
        } catch (IOException e) {
            // the acknowledged documents stay in the spool and will be written again: same ids, no duplicates
            LOG.log(Level.SEVERE, "cannot update the archive spool after a write", e);
        }
        if (unavailable) {
            return false;
        }
        if (!retry.isEmpty()) {
            stats.failedRequests.incrementAndGet();
            backoff.failed(System.nanoTime());
            justSpooled.clear();
            LOG.warning(() -> retry.size() + " archive document(s) refused for now by Elasticsearch; retried");
            return false;
        }
        backoff.succeeded();
        if (storeDown) {
            storeDown = false;
            LOG.info(() -> "Elasticsearch takes archive writes again; spool now " + spool.bytes() + " bytes");
        }
        return true;
    }

    /** End (exclusive) of the bulk request starting at {@code start}: at least one document. */
    private int chunkEnd(List<EncodedMessage> docs, int start) {
        int end = start;
        long bytes = 0;
        while (end < docs.size() && end - start < config.maxDocs()) {
            long b = size(docs.get(end));
            if (end > start && bytes + b > config.maxBytes()) {
                break;
            }
            bytes += b;
            end++;
        }
        return end;
    }

    private void noteFailure(Exception e) {
        stats.failedRequests.incrementAndGet();
        backoff.failed(System.nanoTime());
        justSpooled.clear(); // while the store is away, the spool on disk is the only copy kept
        if (!storeDown) {
            storeDown = true;
            LOG.log(Level.WARNING, "Elasticsearch is not taking archive writes; messages are kept in the spool ("
                    + spool.bytes() + " bytes) and retried", e);
        } else {
            LOG.fine(() -> "archive write still failing: " + e.getMessage());
        }
    }

    /** On stop nothing stays only in memory: the queue goes to the spool, then one last send is tried. */
    private void drainOnStop() {
        if (carry != null) {
            List<SpoolTicket> waiting = new ArrayList<>();
            addTicket(waiting, carry.ticket());
            spool(List.of(carry.doc()), waiting);
            carry = null;
        }
        List<CaptureQueue.Queued> raw = new ArrayList<>();
        while (queue.drainTo(raw, config.maxDocs()) > 0) {
            List<SpoolTicket> waiting = new ArrayList<>();
            raw.forEach(q -> addTicket(waiting, q.ticket()));
            spool(raw.stream().map(q -> EncodedMessage.of(q.message())).toList(), waiting);
            raw.clear();
        }
        spoolerDone = true;
        LockSupport.unpark(sender);
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
            sender.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
