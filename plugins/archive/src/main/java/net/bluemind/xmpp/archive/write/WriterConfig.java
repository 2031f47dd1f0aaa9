package net.bluemind.xmpp.archive.write;

import java.time.Duration;

/**
 * How the writer batches and retries.
 *
 * @param maxDocs       most documents per {@code _bulk} ({@code archive-bulk-max-docs})
 * @param maxBytes      largest {@code _bulk} body ({@code archive-bulk-max-bytes})
 * @param flushInterval longest wait before a partial batch is sent ({@code archive-flush-interval})
 * @param retryInitial  first back-off after a failed write
 * @param retryMax      longest back-off ({@code archive-retry-max})
 */
public record WriterConfig(int maxDocs, long maxBytes, Duration flushInterval, Duration retryInitial,
        Duration retryMax) {

    /** Bytes a bulk action line adds to each document ({@code {"index":{"_id":"..."}}} and newlines). */
    static final int ACTION_OVERHEAD = 48;
}
