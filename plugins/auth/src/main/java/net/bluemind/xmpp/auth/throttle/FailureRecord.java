package net.bluemind.xmpp.auth.throttle;

import java.util.ArrayDeque;

/** The recent failures of one key (an account or an IP), with its cool-down and lock deadlines (nanos). */
final class FailureRecord {

    private final ArrayDeque<Long> failures = new ArrayDeque<>();
    /** Deadlines on the ticker's clock; NONE when not set (ticker values may be negative). */
    private static final long NONE = Long.MIN_VALUE;
    private long coolUntil = NONE;
    private long lockedUntil = NONE;

    synchronized Throttle.Verdict check(long now, String what) {
        if (lockedUntil != NONE && now - lockedUntil < 0) {
            return new Throttle.Verdict.Refused("Too many failed logins for this " + what + "; try again in "
                    + seconds(lockedUntil - now) + " s");
        }
        if (coolUntil != NONE && now - coolUntil < 0) {
            return new Throttle.Verdict.Refused("Login attempted too soon after a failure for this " + what
                    + "; wait " + seconds(coolUntil - now) + " s");
        }
        return Throttle.Verdict.PASS;
    }

    /** @param grace failures that do not slow the key yet */
    synchronized void failed(long now, int limit, int grace, long windowNanos, long delayNanos, long lockoutNanos) {
        while (!failures.isEmpty() && now - failures.peekFirst() >= windowNanos) {
            failures.pollFirst();
        }
        failures.addLast(now);
        if (failures.size() >= limit) {
            failures.clear();
            lockedUntil = now + lockoutNanos;
        } else {
            int steps = Math.min(failures.size() - grace, ThrottleLimits.MAX_DELAY_STEPS);
            if (steps > 0) {
                coolUntil = now + delayNanos * steps;
            }
        }
    }

    private static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
