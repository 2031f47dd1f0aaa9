package net.bluemind.xmpp.auth;

import java.time.Duration;
import net.bluemind.xmpp.auth.throttle.ThrottleLimits;
import net.bluemind.xmpp.common.settings.Keys;
import net.bluemind.xmpp.common.settings.Settings;

/** The auth settings, read once from {@link Settings}. */
public record AuthConfig(String defaultDomain, Duration cacheTtl, int cacheSize, boolean offlineLogin,
        ThrottleLimits throttle, Duration fastTokenTtl) {

    public static AuthConfig from(Settings s) {
        return new AuthConfig(s.get(Keys.DEFAULT_DOMAIN), s.get(Keys.AUTH_CACHE_TTL), s.get(Keys.AUTH_CACHE_SIZE),
                s.get(Keys.AUTH_OFFLINE_LOGIN),
                new ThrottleLimits(s.get(Keys.AUTH_THROTTLE_ACCOUNT_FAILURES), s.get(Keys.AUTH_THROTTLE_IP_FAILURES),
                        s.get(Keys.AUTH_THROTTLE_WINDOW), s.get(Keys.AUTH_THROTTLE_DELAY),
                        s.get(Keys.AUTH_THROTTLE_LOCKOUT)),
                s.get(Keys.FAST_TOKEN_TTL));
    }
}
