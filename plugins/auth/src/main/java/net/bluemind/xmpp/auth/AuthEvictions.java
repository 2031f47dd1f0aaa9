package net.bluemind.xmpp.auth;

import java.util.Set;
import java.util.logging.Logger;
import net.bluemind.xmpp.auth.fast.FastTokens;
import net.bluemind.xmpp.common.bus.BusEvent;
import net.bluemind.xmpp.common.bus.BusSubscriber;

/**
 * Drops what the auth engine remembers about a user when BlueMind announces that its password, roles or
 * existence changed ({@code bm.directory.notifications}, properties {@code domain} and {@code uid}).
 * {@code user.updated} also drops the resolved identity, since addresses may have changed. After a
 * (re)connection everything is dropped, since events sent meanwhile are lost. The same events revoke the
 * user's FAST tokens on every node (the token store is shared); a reconnection does not drop tokens, since a
 * restart of any node would otherwise log every phone out.
 */
public final class AuthEvictions implements BusSubscriber {

    private static final Logger LOG = Logger.getLogger(AuthEvictions.class.getName());
    static final Set<String> OPERATIONS = Set.of("user.password.changed", "user.roles.changed", "user.deleted",
            "user.updated");

    private final Authenticator authenticator;
    private final FastTokens fastTokens;

    public AuthEvictions(Authenticator authenticator) {
        this(authenticator, null);
    }

    /** @param fastTokens also revoked per user (not on reconnection: they live in the shared store) */
    public AuthEvictions(Authenticator authenticator, FastTokens fastTokens) {
        this.authenticator = authenticator;
        this.fastTokens = fastTokens;
    }

    @Override
    public void onEvent(BusEvent event) {
        if (!BusEvent.DIRECTORY.equals(event.exchange()) || !OPERATIONS.contains(event.operation())) {
            return;
        }
        String uid = event.property("uid").orElse(null);
        if (uid == null || uid.isBlank()) {
            LOG.warning(() -> "ignoring " + event.operation() + " without uid: " + event.properties());
            return;
        }
        authenticator.forgetUser(uid);
        if (fastTokens != null) {
            fastTokens.revokeUser(uid);
        }
        LOG.fine(() -> "auth cache dropped for " + uid + " on " + event.operation());
    }

    /** Events sent while the bus was away are lost: nothing remembered can be trusted any more. */
    @Override
    public void onConnected() {
        authenticator.forgetAll();
    }
}
