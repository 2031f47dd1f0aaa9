package net.bluemind.xmpp.auth.throttle;

import java.time.Duration;

/**
 * @param accountFailures failures of one account within the window that lock it
 * @param ipFailures failures from one client IP within the window that lock it
 * @param window period over which failures are counted
 * @param delay cool-down per recent failure (capped at {@link #MAX_DELAY_STEPS} failures' worth) during which a
 *        further attempt of the same account or IP is refused without being checked
 * @param lockout how long a locked account or IP is refused
 */
public record ThrottleLimits(int accountFailures, int ipFailures, Duration window, Duration delay, Duration lockout) {

    public static final int MAX_DELAY_STEPS = 5;

    public ThrottleLimits {
        if (accountFailures < 1 || ipFailures < 1) {
            throw new IllegalArgumentException("failure limits must be at least 1");
        }
    }
}
