package net.bluemind.xmpp.archive.write;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of the writer, for logs, tests and the benchmark. */
public final class WriterStats {

    final AtomicLong stored = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong failedRequests = new AtomicLong();
    final AtomicLong bulkRequests = new AtomicLong();

    /** Documents Elasticsearch acknowledged. */
    public long stored() {
        return stored.get();
    }

    /** Documents refused for good and set aside in the dead letters. */
    public long rejected() {
        return rejected.get();
    }

    /** Messages not archived because the queue or the spool was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Bulk requests that failed as a whole (store unavailable) or had documents to retry. */
    public long failedRequests() {
        return failedRequests.get();
    }

    public long bulkRequests() {
        return bulkRequests.get();
    }
}
