package net.bluemind.xmpp.auth.tigase;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.util.logging.Logger;
import net.bluemind.xmpp.auth.AuthConfig;
import net.bluemind.xmpp.auth.AuthEvictions;
import net.bluemind.xmpp.auth.Authenticator;
import net.bluemind.xmpp.auth.IdentityResolver;
import net.bluemind.xmpp.auth.KnownUsers;
import net.bluemind.xmpp.auth.cache.CredentialCache;
import net.bluemind.xmpp.auth.fast.FastLogin;
import net.bluemind.xmpp.auth.fast.FastTokens;
import net.bluemind.xmpp.auth.throttle.Throttle;
import net.bluemind.xmpp.common.BmXmpp;

/**
 * The one auth engine of the server. Tigase creates the SASL server factory by reflection (through the JCA
 * provider), not as a bean, so the engine is reached statically here; it is built on first use from
 * {@link BmXmpp#shared()} and subscribed to the bus for evictions. Password and FAST logins share one
 * throttle; FAST tokens live in Tigase's user repository, handed over by {@link FastInline}.
 */
final class AuthRuntime {

    private static final Logger LOG = Logger.getLogger(AuthRuntime.class.getName());
    private static volatile AuthRuntime instance;

    final Authenticator authenticator;
    final KnownUsers knownUsers = new KnownUsers(Clock.systemUTC());
    final RepositoryTokenStore tokenStore = new RepositoryTokenStore();
    final FastTokens fastTokens;
    final FastLogin fastLogin;

    private AuthRuntime(BmXmpp bm) {
        AuthConfig config = AuthConfig.from(bm.settings());
        Ticker ticker = Ticker.systemTicker();
        Throttle throttle = new Throttle(config.throttle(), ticker);
        this.authenticator = new Authenticator(bm.core(), config,
                new CredentialCache(config.cacheTtl(), config.cacheSize(), ticker),
                new IdentityResolver(bm.core(), config.cacheTtl(), config.cacheSize(), ticker), throttle);
        this.fastTokens = new FastTokens(tokenStore, config.fastTokenTtl(), Clock.systemUTC());
        this.fastLogin = new FastLogin(fastTokens, throttle, config.defaultDomain());
        bm.bus().subscribe(new AuthEvictions(authenticator, fastTokens));
    }

    static AuthRuntime get() {
        AuthRuntime r = instance;
        if (r == null) {
            synchronized (AuthRuntime.class) {
                r = instance;
                if (r == null) {
                    r = new AuthRuntime(BmXmpp.shared());
                    instance = r;
                    LOG.info("bm-xmpp auth engine started: SASL PLAIN verified by bm-core"
                            + (r.fastTokens.enabled() ? ", FAST tokens (XEP-0484)" : ""));
                }
            }
        }
        return r;
    }
}
