package net.bluemind.xmpp.auth.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/**
 * Slows then locks out repeated login failures, separately per account and per client IP. Nothing is global:
 * a key that did not fail is never delayed, so other users' logins are not slowed. "Slowed" does not hold a
 * server thread: after a failure, the key's next attempts are refused without being checked until its
 * cool-down (delay × recent failures) is over; at the limit, the key is locked for the lockout period.
 * An IP is slowed only once it failed more than one account's limit, so that one user's typos do not slow
 * colleagues behind the same NAT.
 */
public final class Throttle {

    /** Whether an attempt may be checked at all. */
    public sealed interface Verdict {
        Verdict PASS = new Pass();

        record Pass() implements Verdict {
        }

        record Refused(String text) implements Verdict {
        }
    }

    private static final int MAX_TRACKED_KEYS = 200_000;

    private final ThrottleLimits limits;
    private final Ticker ticker;
    private final Cache<String, FailureRecord> accounts;
    private final Cache<String, FailureRecord> ips;

    public Throttle(ThrottleLimits limits, Ticker ticker) {
        this.limits = limits;
        this.ticker = ticker;
        Duration keep = limits.window().plus(limits.lockout())
                .plus(limits.delay().multipliedBy(ThrottleLimits.MAX_DELAY_STEPS));
        this.accounts = Caffeine.newBuilder().expireAfterAccess(keep).maximumSize(MAX_TRACKED_KEYS).ticker(ticker)
                .build();
        this.ips = Caffeine.newBuilder().expireAfterAccess(keep).maximumSize(MAX_TRACKED_KEYS).ticker(ticker).build();
    }

    /** @param ip null when unknown: then only the account counts */
    public Verdict check(String account, String ip) {
        long now = ticker.read();
        FailureRecord a = account == null ? null : accounts.getIfPresent(account);
        if (a != null) {
            Verdict v = a.check(now, "account");
            if (v instanceof Verdict.Refused) {
                return v;
            }
        }
        FailureRecord i = ip == null ? null : ips.getIfPresent(ip);
        return i == null ? Verdict.PASS : i.check(now, "address");
    }

    public void failed(String account, String ip) {
        long now = ticker.read();
        if (account != null) {
            accounts.get(account, k -> new FailureRecord()).failed(now, limits.accountFailures(), 0,
                    limits.window().toNanos(), limits.delay().toNanos(), limits.lockout().toNanos());
        }
        if (ip != null) {
            ips.get(ip, k -> new FailureRecord()).failed(now, limits.ipFailures(), limits.accountFailures(),
                    limits.window().toNanos(),
                    limits.delay().toNanos(), limits.lockout().toNanos());
        }
    }

    /** The account proved its secret: its own failures are forgotten (the IP's are not). */
    public void succeeded(String account) {
        accounts.invalidate(account);
    }
}
