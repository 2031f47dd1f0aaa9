package net.bluemind.xmpp.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The users who logged in through this server since it started, with their last login. There is no local user
 * database: the server's account counts are answered from this.
 */
public final class KnownUsers {

    private final Map<String, Instant> lastLogin = new ConcurrentHashMap<>();
    private final Clock clock;

    public KnownUsers(Clock clock) {
        this.clock = clock;
    }

    public void loggedIn(String bareJid) {
        lastLogin.put(bareJid.toLowerCase(Locale.ROOT), clock.instant());
    }

    public long count() {
        return lastLogin.size();
    }

    public long count(String domain) {
        String suffix = "@" + domain.toLowerCase(Locale.ROOT);
        return lastLogin.keySet().stream().filter(j -> j.endsWith(suffix)).count();
    }

    /** Users whose last login is within that period. */
    public long activeIn(Duration period) {
        Instant since = clock.instant().minus(period);
        return lastLogin.values().stream().filter(t -> !t.isBefore(since)).count();
    }
}
