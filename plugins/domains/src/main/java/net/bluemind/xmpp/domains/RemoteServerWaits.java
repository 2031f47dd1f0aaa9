package net.bluemind.xmpp.domains;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What happens to stanzas waiting for a link to another server (issue 25): a wait starts when a stanza finds no link
 * and nothing else waiting for that link; it lasts at most {@code bounceAfter}, then every stanza still waiting goes
 * back to its sender. Connection attempts during a wait back off (the first at once, then after 2 s, 4 s, 8 s...,
 * at most {@code maxRetryDelay}) instead of one every 2 s. The error tells the sender whether the remote server was
 * reached: one that answered on its port but gave no usable stream in time (silent, garbage, TLS or dialback failure)
 * is {@code remote-server-timeout}; one that never answered (refused, unreachable) stays {@code remote-server-not-found}
 * (RFC 6120 8.3.3.14 and 8.3.3.15). Links are named by the caller (local domain and remote domain). Pure and
 * thread-safe; times in milliseconds of any monotonic clock.
 */
public final class RemoteServerWaits {

    /** The condition of the error sent back for a stanza that waited too long. */
    public enum Condition { REMOTE_SERVER_NOT_FOUND, REMOTE_SERVER_TIMEOUT }

    static final long FIRST_RETRY_DELAY_MS = 2_000;
    /** Tigase waits this long itself before every outgoing connection (ConnectionManager.connectionDelay). */
    static final long CONNECTION_DELAY_MS = 2_000;
    /** How long after the end of a wait an attempt that could not connect before it is held. */
    static final long PAST_END_MS = 1_000;

    private final long bounceAfterMs;
    private final long maxRetryDelayMs;
    private final Map<String, Wait> waits = new ConcurrentHashMap<>();

    private static final class Wait {
        final long since;
        volatile long reachedAt = -1;
        int attempts;

        Wait(long since) {
            this.since = since;
        }
    }

    public RemoteServerWaits(Duration bounceAfter, Duration maxRetryDelay) {
        if (bounceAfter.isNegative() || bounceAfter.isZero()) {
            throw new IllegalArgumentException("bounceAfter must be positive: " + bounceAfter);
        }
        this.bounceAfterMs = bounceAfter.toMillis();
        this.maxRetryDelayMs = Math.max(0, maxRetryDelay.toMillis());
    }

    public long bounceAfterMs() {
        return bounceAfterMs;
    }

    /**
     * A stanza for {@code link} was handed to the link: {@code waitingBefore} stanzas waited before it,
     * {@code waitingAfter} wait now. Returns the time at which this wait ends (stanzas still waiting then are sent
     * back) when this stanza starts a new wait, else -1 (it went out, or joined a wait already running).
     */
    public long queued(String link, long now, int waitingBefore, int waitingAfter) {
        if (waitingBefore > 0 || waitingAfter <= 0) {
            return -1;
        }
        waits.put(link, new Wait(now));
        return now + bounceAfterMs;
    }

    /** Whether the wait that started at {@code since} is still the current one of {@code link} and has run out. */
    public boolean due(String link, long since, long now) {
        Wait w = waits.get(link);
        return w != null && w.since == since && now - since >= bounceAfterMs;
    }

    /** Start of the current wait of {@code link}, or -1. */
    public long since(String link) {
        Wait w = waits.get(link);
        return w == null ? -1 : w.since;
    }

    /** A connection to the remote server of {@code link} was established (TCP): the server answers on its port. */
    public void reached(String link, long now) {
        Wait w = waits.get(link);
        if (w != null) {
            w.reachedAt = now;
        }
    }

    /**
     * A connection attempt for {@code link} is about to be made: how long to hold it back (ms). The first attempt of a
     * wait goes at once; each further one waits twice as long as the previous one (from 2 s), at most the maximum
     * retry delay; one that could not connect before the end of the wait (Tigase adds 2 s) is held until just after
     * it, when the caller drops it if its stanzas went back.
     */
    public long attemptDelay(String link, long now) {
        Wait w = waits.get(link);
        if (w == null) {
            return 0;
        }
        int n;
        synchronized (w) {
            n = w.attempts++;
        }
        if (n == 0) {
            return 0;
        }
        long delay = Math.min(maxRetryDelayMs, FIRST_RETRY_DELAY_MS << Math.min(n - 1, 20));
        long left = w.since + bounceAfterMs - now;
        if (delay + CONNECTION_DELAY_MS >= left) {
            // could not connect before the end: held until just after it, when its stanzas have gone back
            return Math.max(0, left) + PAST_END_MS;
        }
        return delay;
    }

    /**
     * The condition for a stanza of {@code link} that Tigase sends back as "destination host not found" at
     * {@code now}: {@link Condition#REMOTE_SERVER_TIMEOUT} when the wait ran out although the remote server answered on
     * its port during it, else {@link Condition#REMOTE_SERVER_NOT_FOUND} (the name does not resolve, or nothing
     * answers).
     */
    public Condition condition(String link, long now) {
        Wait w = waits.get(link);
        if (w != null && now - w.since >= bounceAfterMs && w.reachedAt >= w.since) {
            return Condition.REMOTE_SERVER_TIMEOUT;
        }
        return Condition.REMOTE_SERVER_NOT_FOUND;
    }

    /** Attempts made (or about to be) in the current wait of {@code link}; for logs and tests. */
    public int attempts(String link) {
        Wait w = waits.get(link);
        if (w == null) {
            return 0;
        }
        synchronized (w) {
            return w.attempts;
        }
    }
}
