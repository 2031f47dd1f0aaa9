package net.bluemind.xmpp.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.UUID;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.pubsub.LeafNode;
import org.jivesoftware.smackx.pubsub.PayloadItem;
import org.jivesoftware.smackx.pubsub.PubSubManager;
import org.jivesoftware.smackx.pubsub.SimplePayload;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.junit.jupiter.api.Test;

/**
 * The publish-subscribe service (tigase-pubsub at pubsub.<domain>) as clients find it (PubSubServiceFeature;
 * docs/developers-guide.md, "Known Tigase issues"): its disco#info lists http://jabber.org/protocol/pubsub, so a
 * client looking for the service by that feature (Smack's getPubSubService) finds it, not the server's domain, and
 * can create a node there and publish to it.
 */
class PubSubServiceE2eIT {

    private static final String DOMAIN = E2eStack.DOMAIN;
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void clientsFindThePubsubServiceByItsFeatureAndUseIt() throws Exception {
        E2eStack stack = E2eStack.get();
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        assumeTrue(stack.hasComponent("tigase-pubsub"), "no tigase-pubsub jar in TIGASE_HOME");
        String email = "ps-" + RUN + "@" + DOMAIN;
        stack.core.addUser(email, "ps-pw", "hasIM");
        XMPPTCPConnection c = XmppClients.login(email, "ps-pw");
        try {
            DomainBareJid service = JidCreate.domainBareFrom("pubsub." + DOMAIN);
            assertThat(ServiceDiscoveryManager.getInstanceFor(c).discoverInfo(service)
                    .containsFeature("http://jabber.org/protocol/pubsub")).isTrue();
            assertThat(PubSubManager.getPubSubService(c).toString()).isEqualTo(service.toString());

            PubSubManager pubsub = PubSubManager.getInstanceFor(c, service);
            LeafNode node = pubsub.createNode("bm-e2e-" + RUN);
            node.publish(new PayloadItem<>("item-1", new SimplePayload("<entry xmlns='urn:bm-xmpp:test'>hello</entry>")));
            assertThat(node.getItems()).hasSize(1);
            assertThat(pubsub.deleteNode("bm-e2e-" + RUN)).isTrue();
        } finally {
            c.disconnect();
        }
    }
}
