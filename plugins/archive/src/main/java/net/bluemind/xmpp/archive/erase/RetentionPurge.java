package net.bluemind.xmpp.archive.erase;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.archive.query.ArchiveRemoval;

/** Deletes messages older than {@code archive-retention}, at start and then every tenth of it (at most hourly). */
public final class RetentionPurge {

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class.getName());

    private final ArchiveRemoval removal;
    private final Duration retention;
    private final LongSupplier clock;

    public RetentionPurge(ArchiveRemoval removal, Duration retention, LongSupplier clock) {
        this.removal = removal;
        this.retention = retention;
        this.clock = clock;
    }

    /** Schedules the purge; null when retention is 0 (keep everything). */
    public ScheduledFuture<?> schedule(ScheduledExecutorService scheduler) {
        if (retention.isZero()) {
            return null;
        }
        long period = Math.max(60_000, Math.min(retention.toMillis() / 10, TimeUnit.HOURS.toMillis(1)));
        return scheduler.scheduleWithFixedDelay(this::runOnce, 0, period, TimeUnit.MILLISECONDS);
    }

    /** One purge; returns how many messages were deleted. */
    public long runOnce() {
        try {
            long before = clock.getAsLong() - retention.toMillis();
            long n = removal.purgeBefore(before);
            if (n > 0) {
                LOG.info(() -> "archive retention (" + retention + "): purged " + n + " message(s)");
            }
            return n;
        } catch (Exception e) {
            LOG.log(Level.WARNING, "archive retention purge failed; next try at the next period", e);
            return 0;
        }
    }
}
