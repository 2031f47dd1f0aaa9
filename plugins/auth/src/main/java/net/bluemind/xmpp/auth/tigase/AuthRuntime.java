package net.bluemind.xmpp.auth.tigase;

import java.time.Clock;
import java.util.logging.Logger;
import net.bluemind.xmpp.auth.AuthConfig;
import net.bluemind.xmpp.auth.AuthEvictions;
import net.bluemind.xmpp.auth.Authenticator;
import net.bluemind.xmpp.auth.KnownUsers;
import net.bluemind.xmpp.common.BmXmpp;

/**
 * The one auth engine of the server. Tigase creates the SASL server factory by reflection (through the JCA
 * provider), not as a bean, so the engine is reached statically here; it is built on first use from
 * {@link BmXmpp#shared()} and subscribed to the bus for evictions.
 */
final class AuthRuntime {

    private static final Logger LOG = Logger.getLogger(AuthRuntime.class.getName());
    private static volatile AuthRuntime instance;

    final Authenticator authenticator;
    final KnownUsers knownUsers = new KnownUsers(Clock.systemUTC());

    private AuthRuntime(BmXmpp bm) {
        this.authenticator = new Authenticator(bm.core(), AuthConfig.from(bm.settings()));
        bm.bus().subscribe(new AuthEvictions(authenticator));
    }

    static AuthRuntime get() {
        AuthRuntime r = instance;
        if (r == null) {
            synchronized (AuthRuntime.class) {
                r = instance;
                if (r == null) {
                    r = new AuthRuntime(BmXmpp.shared());
                    instance = r;
                    LOG.info("bm-xmpp auth engine started: SASL PLAIN verified by bm-core");
                }
            }
        }
        return r;
    }
}
