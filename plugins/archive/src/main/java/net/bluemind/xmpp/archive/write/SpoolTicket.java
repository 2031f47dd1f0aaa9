package net.bluemind.xmpp.archive.write;

import java.util.concurrent.locks.LockSupport;

/**
 * One captured message waiting on the message path until the spooler has written it durably (group commit:
 * the spooler writes what every waiting sender queued in one segment and one fsync, then releases them all).
 * Created by the waiting thread, which is the one woken.
 */
public final class SpoolTicket {

    /** How the wait ended. */
    public enum Outcome {
        /** in the spool, fsync'd: a crash from now on cannot lose it */
        SPOOLED,
        /** the spool refused it (full or unwritable): not archived, the writer logged why */
        FAILED,
        /** not confirmed within the timeout: still queued, spooled later, but not yet crash-proof */
        TIMED_OUT
    }

    private static final int WAITING = 0;
    private static final int SPOOLED = 1;
    private static final int FAILED = 2;

    private final Thread waiter = Thread.currentThread();
    private volatile int state = WAITING;

    /** Called by the spooler once the segment holding the message is written (or could not be). */
    void done(boolean spooled) {
        state = spooled ? SPOOLED : FAILED;
        LockSupport.unpark(waiter);
    }

    /** Waits (in the creating thread) until the spooler is done with the message, at most that long. */
    public Outcome await(long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        boolean interrupted = false;
        try {
            while (state == WAITING) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Outcome.TIMED_OUT;
                }
                LockSupport.parkNanos(this, left);
                if (Thread.interrupted()) {
                    interrupted = true; // the message path is not ours to abort: finish the wait, keep the flag
                }
            }
            return state == SPOOLED ? Outcome.SPOOLED : Outcome.FAILED;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
