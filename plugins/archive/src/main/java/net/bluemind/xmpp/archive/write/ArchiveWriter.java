package net.bluemind.xmpp.archive.write;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.archive.ArchivedMessage;

/**
 * The background writer: takes captured messages from the {@link CaptureQueue} in batches sized by count,
 * bytes and time, writes each batch to the {@link Spool} first, then to the store in one bulk request, and
 * deletes it from the spool once acknowledged. When the store is unavailable the batches stay in the spool
 * and are sent again, oldest first and merged up to the batch limits, with exponential back-off. Never
 * refreshes the index.
 */
public final class ArchiveWriter implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ArchiveWriter.class.getName());

    private final CaptureQueue queue;
    private final Spool spool;
    private final BulkSink sink;
    private final WriterConfig config;
    private final Backoff backoff;
    private final WriterStats stats = new WriterStats();
    private final Map<Long, List<EncodedMessage>> justSpooled = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private boolean storeDown;
    private EncodedMessage carry;

    public ArchiveWriter(CaptureQueue queue, Spool spool, BulkSink sink, WriterConfig config) {
        this.queue = queue;
        this.spool = spool;
        this.sink = sink;
        this.config = config;
        this.backoff = new Backoff(config.retryInitial(), config.retryMax());
        this.thread = new Thread(this::run, "bm-xmpp-archive-writer");
        this.thread.setDaemon(true);
        queue.bindConsumer(thread);
    }

    public ArchiveWriter start() {
        thread.start();
        return this;
    }

    public WriterStats stats() {
        return stats;
    }

    private void run() {
        while (running) {
            try {
                List<EncodedMessage> batch = collect();
                if (!batch.isEmpty()) {
                    spool(batch);
                }
                sendPending();
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

    /** Waits until a batch is full (count or bytes) or the flush interval has passed. */
    private List<EncodedMessage> collect() {
        List<EncodedMessage> batch = new ArrayList<>();
        long bytes = 0;
        if (carry != null) {
            batch.add(carry);
            bytes += size(carry);
            carry = null;
        }
        long deadline = System.nanoTime() + config.flushInterval().toNanos();
        while (running) {
            ArchivedMessage m;
            while (batch.size() < config.maxDocs() && (m = queue.poll()) != null) {
                EncodedMessage e = EncodedMessage.of(m);
                long b = size(e);
                if (!batch.isEmpty() && bytes + b > config.maxBytes()) {
                    carry = e; // starts the next batch
                    return batch;
                }
                batch.add(e);
                bytes += b;
            }
            long now = System.nanoTime();
            if (batch.size() >= config.maxDocs() || bytes >= config.maxBytes() || now - deadline >= 0) {
                break;
            }
            LockSupport.parkNanos(Math.min(deadline - now, TimeUnit.MILLISECONDS.toNanos(50)));
        }
        return batch;
    }

    private static long size(EncodedMessage e) {
        return e.json().length + WriterConfig.ACTION_OVERHEAD;
    }

    private void spool(List<EncodedMessage> batch) {
        try {
            Segment s = spool.append(batch);
            if (!backoff.active()) {
                justSpooled.put(s.seq(), batch); // about to be sent: spare re-reading it
            }
        } catch (SpoolFullException e) {
            stats.dropped.addAndGet(batch.size());
            LOG.severe(() -> batch.size() + " message(s) NOT archived: " + e.getMessage());
        } catch (IOException e) {
            stats.dropped.addAndGet(batch.size());
            LOG.log(Level.SEVERE, batch.size() + " message(s) NOT archived: the spool cannot be written", e);
        }
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
            return List.of();
        }
    }

    /** Sends one group of segments; false when the store failed and the writer must back off. */
    private boolean send(List<Segment> group, List<EncodedMessage> docs) {
        BulkOutcome outcome;
        if (docs.isEmpty()) {
            outcome = BulkOutcome.allStored();
        } else {
            try {
                stats.bulkRequests.incrementAndGet();
                outcome = sink.write(docs);
            } catch (SinkUnavailableException e) {
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
                return false;
            } catch (RuntimeException e) {
                stats.failedRequests.incrementAndGet();
                backoff.failed(System.nanoTime());
                justSpooled.clear();
                LOG.log(Level.WARNING, "unexpected archive write failure; kept in the spool and retried", e);
                return false;
            }
        }
        for (BulkOutcome.Rejected r : outcome.rejected()) {
            spool.deadLetters().add(r.message().json(), "refused by Elasticsearch: " + r.reason());
        }
        stats.rejected.addAndGet(outcome.rejected().size());
        stats.stored.addAndGet(docs.size() - outcome.retry().size() - outcome.rejected().size());
        try {
            Segment first = group.get(0);
            Segment kept = spool.replace(first, outcome.retry());
            justSpooled.remove(first.seq());
            if (kept != null) {
                justSpooled.clear();
            }
            for (Segment s : group.subList(1, group.size())) {
                spool.remove(s);
                justSpooled.remove(s.seq());
            }
        } catch (IOException e) {
            // the acknowledged documents stay in the spool and will be written again: same ids, no duplicates
            LOG.log(Level.SEVERE, "cannot update the archive spool after a write", e);
        }
        if (!outcome.retry().isEmpty()) {
            stats.failedRequests.incrementAndGet();
            backoff.failed(System.nanoTime());
            LOG.warning(() -> outcome.retry().size() + " archive document(s) refused for now by Elasticsearch; retried");
            return false;
        }
        backoff.succeeded();
        if (storeDown) {
            storeDown = false;
            LOG.info(() -> "Elasticsearch takes archive writes again; spool now " + spool.bytes() + " bytes");
        }
        return true;
    }

    /** On stop nothing stays only in memory: the queue goes to the spool, then one last send is tried. */
    private void drainOnStop() {
        if (carry != null) {
            spool(List.of(carry));
            carry = null;
        }
        List<ArchivedMessage> raw = new ArrayList<>();
        while (queue.drainTo(raw, config.maxDocs()) > 0) {
            spool(raw.stream().map(EncodedMessage::of).toList());
            raw.clear();
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

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
