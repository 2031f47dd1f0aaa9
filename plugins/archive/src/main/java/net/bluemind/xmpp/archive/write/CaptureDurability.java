package net.bluemind.xmpp.archive.write;

import java.time.Duration;

/**
 * When a captured message is crash-proof.
 *
 * @param beforeRouting true ({@code archive-spool-before-routing}): the message path waits until the message is in
 *                      the spool (fsync'd, one group commit shared by concurrent senders) before the message is
 *                      routed, so a hard crash (kill -9, power loss) loses no delivered message; false: the message
 *                      is only queued in memory and spooled within {@code archive-flush-interval}
 * @param timeout       longest wait on the message path ({@code archive-spool-timeout}); past it the message is
 *                      routed anyway and spooled later
 */
public record CaptureDurability(boolean beforeRouting, Duration timeout) {

    public static final CaptureDurability BEFORE_ROUTING = new CaptureDurability(true, Duration.ofSeconds(2));
    public static final CaptureDurability QUEUED_ONLY = new CaptureDurability(false, Duration.ZERO);
}
