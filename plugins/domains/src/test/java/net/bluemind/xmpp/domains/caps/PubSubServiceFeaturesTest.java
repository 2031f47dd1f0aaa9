package net.bluemind.xmpp.domains.caps;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** XEP-0060 5.1's base feature at a pubsub service; on a real server: PubSubServiceE2eIT. */
class PubSubServiceFeaturesTest {

    private static final List<DiscoInfo.Identity> SERVICE = List.of(new DiscoInfo.Identity("pubsub", "service", null, "PubSub"));
    private static final List<String> TIGASE_PUBSUB = List.of("http://jabber.org/protocol/pubsub#create-nodes",
            "http://jabber.org/protocol/pubsub#publish", "http://jabber.org/protocol/disco#info");

    @Test
    void aServiceListingOnlyPubsubSubFeaturesLacksTheBaseOne() {
        assertTrue(PubSubServiceFeatures.lacksBaseFeature(null, SERVICE, TIGASE_PUBSUB));
    }

    @Test
    void aServiceThatHasItANodeOrAnotherEntityIsLeftAlone() {
        List<String> withBase = new java.util.ArrayList<>(TIGASE_PUBSUB);
        withBase.add(PubSubServiceFeatures.PUBSUB);
        assertFalse(PubSubServiceFeatures.lacksBaseFeature(null, SERVICE, withBase));
        assertFalse(PubSubServiceFeatures.lacksBaseFeature("princely_musings", SERVICE, TIGASE_PUBSUB));
        // the server's domain (PEP: pubsub/pep) and a room service
        assertFalse(PubSubServiceFeatures.lacksBaseFeature(null,
                List.of(new DiscoInfo.Identity("server", "im", null, null), new DiscoInfo.Identity("pubsub", "pep", null, null)),
                TIGASE_PUBSUB));
        assertFalse(PubSubServiceFeatures.lacksBaseFeature(null,
                List.of(new DiscoInfo.Identity("conference", "text", null, null)), List.of("http://jabber.org/protocol/muc")));
        // a pubsub identity with no pubsub feature at all: nothing says it speaks XEP-0060
        assertFalse(PubSubServiceFeatures.lacksBaseFeature(null, SERVICE, List.of("http://jabber.org/protocol/disco#info")));
    }
}
