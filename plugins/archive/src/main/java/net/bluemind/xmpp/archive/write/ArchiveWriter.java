package net.bluemind.xmpp.archive.write;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The background writer: takes captured messages from the {@link CaptureQueue} in batches sized by count,
 * bytes and time, writes each batch to the {@link Spool} first, then to the store in one bulk request, and
 * deletes it from the spool once acknowledged. A message whose sender waits until it is crash-proof
 * ({@link #spoolDurably}) skips the queue: the capturing thread appends it to the spool itself (group commit with
 * the other threads doing the same), and the sender thread sends it like any other. When the store is unavailable the batches stay in the spool
 * and are sent again, oldest first and merged up to the batch limits, with exponential back-off. Never
 * refreshes the index.
 */
public final class ArchiveWriter implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ArchiveWriter.class.getName());
    /** Most bulk requests' worth of messages in one spool segment. */
    static final int SEGMENT_BULKS = 8;

    private final CaptureQueue queue;
    private final Spool spool;
    private final BulkSink sink;
    private final WriterConfig config;
    private final Backoff backoff;
    private final WriterStats stats = new WriterStats();
    private final Thread thread;
    private final Thread sender;
    private volatile boolean running = true;
    private volatile boolean spoolerDone;
    private volatile boolean storeDown;
    /** A message taken from the queue that starts the next segment. */
    private EncodedMessage carry;
    private volatile boolean senderParked;

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

    /**
     * On the message path ({@code archive-spool-before-routing}): appends the message to the spool in this thread and
     * waits until it is fdatasync'd (one write shared with the concurrent senders), at most {@code timeoutNanos}.
     */
    public SpoolOutcome spoolDurably(EncodedMessage m, long timeoutNanos) {
        try {
            boolean durable = spool.appendDurably(m, timeoutNanos);
            if (senderParked) {
                LockSupport.unpark(sender);
            }
            return durable ? SpoolOutcome.SPOOLED : SpoolOutcome.TIMED_OUT;
        } catch (SpoolFullException e) {
            stats.dropped.incrementAndGet();
            LOG.severe(() -> "a message is NOT archived: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            stats.dropped.incrementAndGet();
            LOG.log(Level.SEVERE, "a message is NOT archived: the spool cannot be written", e);
        }
        return SpoolOutcome.FAILED;
    }

    private void run() {
        while (running) {
            try {
                List<EncodedMessage> batch = collect();
                if (!batch.isEmpty()) {
                    spool(batch);
                    LockSupport.unpark(sender);
                }
                spool.maintain();
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
     * one bulk, so the sender starts at once instead of waiting for eight bulks to be encoded and synced. While it
     * waits it keeps the spool ready (next journal file prepared, stragglers written).
     */
    private List<EncodedMessage> collect() {
        List<EncodedMessage> batch = new ArrayList<>();
        long bytes = 0;
        if (carry != null) {
            batch.add(carry);
            bytes += size(carry);
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
                    carry = e; // starts the next segment
                    return batch;
                }
                batch.add(e);
                bytes += b;
            }
            long now = System.nanoTime();
            if (batch.size() >= config.maxDocs() || bytes >= config.maxBytes() || now - deadline >= 0) {
                break;
            }
            spool.maintain();
            LockSupport.parkNanos(Math.min(deadline - now, TimeUnit.MILLISECONDS.toNanos(50)));
        }
        return batch;
    }

    private static long size(EncodedMessage e) {
        return e.json().length + WriterConfig.ACTION_OVERHEAD;
    }

    private void spool(List<EncodedMessage> batch) {
        try {
            spool.append(batch);
        } catch (SpoolFullException e) {
            stats.dropped.addAndGet(batch.size());
            LOG.severe(() -> batch.size() + " message(s) NOT archived: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            stats.dropped.addAndGet(batch.size());
            LOG.log(Level.SEVERE, batch.size() + " message(s) NOT archived: the spool cannot be written", e);
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
                senderParked = true;
                if (backoff.active() || spool.segments() == 0) {
                    LockSupport.parkNanos(wait);
                }
                senderParked = false;
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
            List<Integer> counts = new ArrayList<>();
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
                counts.add(content.size());
                docs.addAll(content);
                bytes += b;
                i++;
            }
            if (!send(group, counts, docs)) {
                return;
            }
        }
    }

    private List<EncodedMessage> contentOf(Segment s) {
        try {
            return spool.read(s);
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "cannot read archive spool segment " + s.path() + "; it stays for a later try", e);
            return null;
        }
    }

    /**
     * Sends the documents of a group of segments ({@code counts}: how many documents each holds) in bulk requests
     * within the count and byte limits. A segment all acknowledged (or set aside) is removed; a segment none of whose
     * documents was acknowledged stays as it is; a partly acknowledged one is replaced by what is left of it.
     * Returns false when the writer must back off.
     */
    private boolean send(List<Segment> group, List<Integer> counts, List<EncodedMessage> docs) {
        Set<EncodedMessage> retry = Collections.newSetFromMap(new IdentityHashMap<>());
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
        settle(group, counts, docs, start, retry);
        if (unavailable) {
            return false;
        }
        if (!retry.isEmpty()) {
            stats.failedRequests.incrementAndGet();
            backoff.failed(System.nanoTime());
            spool.dropCache();
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

    /** Updates the spool after a send: documents before {@code sent} and not in {@code retry} are acknowledged. */
    private void settle(List<Segment> group, List<Integer> counts, List<EncodedMessage> docs, int sent,
            Set<EncodedMessage> retry) {
        int from = 0;
        for (int k = 0; k < group.size(); k++) {
            Segment s = group.get(k);
            int to = from + counts.get(k);
            List<EncodedMessage> left = new ArrayList<>();
            for (int d = from; d < to; d++) {
                if (d >= sent || retry.contains(docs.get(d))) {
                    left.add(docs.get(d));
                }
            }
            try {
                if (left.isEmpty()) {
                    spool.remove(s);
                } else if (left.size() < to - from) {
                    spool.replace(s, left);
                }
            } catch (IOException e) {
                // the acknowledged documents stay in the spool and will be written again: same ids, no duplicates
                LOG.log(Level.SEVERE, "cannot update the archive spool after a write", e);
            }
            from = to;
        }
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
        spool.dropCache(); // while the store is away, the spool on disk is the only copy kept
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
            spool(List.of(carry));
            carry = null;
        }
        List<CaptureQueue.Queued> raw = new ArrayList<>();
        while (queue.drainTo(raw, config.maxDocs()) > 0) {
            spool(raw.stream().map(q -> EncodedMessage.of(q.message())).toList());
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
