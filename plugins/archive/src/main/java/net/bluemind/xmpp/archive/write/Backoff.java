package net.bluemind.xmpp.archive.write;

import java.time.Duration;

/** Exponential back-off between retries: doubles from {@code initial} up to {@code max}, reset on success. */
final class Backoff {

    private final long initialNanos;
    private final long maxNanos;
    private long currentNanos;
    private long retryAt;

    Backoff(Duration initial, Duration max) {
        this.initialNanos = initial.toNanos();
        this.maxNanos = max.toNanos();
    }

    boolean due(long now) {
        return currentNanos == 0 || now - retryAt >= 0;
    }

    void failed(long now) {
        currentNanos = currentNanos == 0 ? initialNanos : Math.min(maxNanos, currentNanos * 2);
        retryAt = now + currentNanos;
    }

    void succeeded() {
        currentNanos = 0;
    }

    boolean active() {
        return currentNanos != 0;
    }

    long waitNanos(long now) {
        return currentNanos == 0 ? 0 : Math.max(0, retryAt - now);
    }
}
