package net.bluemind.xmpp.domains.caps;

import java.util.List;

/**
 * XEP-0060 section 5.1: a publish-subscribe service lists {@value #PUBSUB} among its disco#info features. tigase-pubsub
 * 5.2.0 lists only the {@code pubsub#...} features at the service (the base namespace only at a node), so clients
 * that look for the service by that feature (Smack's {@code PubSubManager.getPubSubService}) miss it and pick the
 * server's domain, where PEP does not create nodes.
 */
public final class PubSubServiceFeatures {

    public static final String PUBSUB = "http://jabber.org/protocol/pubsub";

    private PubSubServiceFeatures() {
    }

    /**
     * Whether a disco#info answer lacks the base feature it must have: an answer about the service itself (no node)
     * with the identity pubsub/service and at least one {@code pubsub#} feature, but not {@value #PUBSUB}.
     */
    public static boolean lacksBaseFeature(String node, List<DiscoInfo.Identity> identities, List<String> features) {
        if (node != null || features.contains(PUBSUB)) {
            return false;
        }
        boolean service = identities.stream().anyMatch(i -> "pubsub".equals(i.category()) && "service".equals(i.type()));
        return service && features.stream().anyMatch(f -> f != null && f.startsWith(PUBSUB + "#"));
    }
}
