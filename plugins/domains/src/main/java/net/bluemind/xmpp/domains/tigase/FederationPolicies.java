package net.bluemind.xmpp.domains.tigase;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.common.BmXmpp;
import net.bluemind.xmpp.common.settings.FederationMode;
import net.bluemind.xmpp.common.federation.FederationPolicy;

/** The policy from the bm-xmpp settings, for both s2s adapters; bad settings refuse every other server. */
final class FederationPolicies {

    private static final Logger LOG = Logger.getLogger(FederationPolicies.class.getName());

    private FederationPolicies() {
    }

    static FederationPolicy load() {
        try {
            return FederationPolicy.from(BmXmpp.shared().settings());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "bm-xmpp settings unreadable: federation refused with every server", e);
            return FederationPolicy.of(FederationMode.OFF, List.of());
        }
    }
}
