package net.bluemind.xmpp.domains.tigase;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.domains.caps.DiscoInfo;
import net.bluemind.xmpp.domains.caps.PubSubServiceFeatures;
import tigase.server.Packet;
import tigase.server.PacketFilterIfc;
import tigase.server.QueueType;
import tigase.stats.StatisticsList;
import tigase.xml.Element;
import tigase.xmpp.StanzaType;
import tigase.xmpp.jid.JID;

/**
 * The pubsub component's outgoing filter ({@code pubsub/outgoingFilters/bm-pubsub-feature/class} in init.properties):
 * its disco#info answer about itself lists {@code http://jabber.org/protocol/pubsub}, as XEP-0060 5.1 says and
 * tigase-pubsub 5.2.0 does not ({@link PubSubServiceFeatures} decides). Without it clients looking for a pubsub
 * service by that feature took the server's domain, where a node creation got no answer at all (Tigase's session
 * manager drops it: "Impossible happened"). Everything else goes on untouched.
 */
public class PubSubServiceFeature implements PacketFilterIfc {

    private static final Logger LOG = Logger.getLogger(PubSubServiceFeature.class.getName());

    @Override
    public void init(String name, QueueType qType) {
        // nothing to set up
    }

    @Override
    public Packet filter(Packet packet) {
        try {
            if (!"iq".equals(packet.getElemName()) || packet.getType() != StanzaType.result) {
                return packet;
            }
            JID from = packet.getStanzaFrom();
            Element query = packet.getElement().getChild("query", DistinctDiscoFeatures.DISCO_INFO_XMLNS);
            if (from == null || from.getLocalpart() != null || query == null || query.getChildren() == null) {
                return packet;
            }
            List<DiscoInfo.Identity> identities = new ArrayList<>();
            List<String> features = new ArrayList<>();
            for (Element child : query.getChildren()) {
                if ("identity".equals(child.getName())) {
                    identities.add(new DiscoInfo.Identity(child.getAttributeStaticStr("category"),
                            child.getAttributeStaticStr("type"), null, null));
                } else if ("feature".equals(child.getName())) {
                    features.add(child.getAttributeStaticStr("var"));
                }
            }
            if (PubSubServiceFeatures.lacksBaseFeature(query.getAttributeStaticStr("node"), identities, features)) {
                query.addChild(new Element("feature", new String[] {"var"},
                        new String[] {PubSubServiceFeatures.PUBSUB}));
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "disco#info answer left as it came", e);
        }
        return packet;
    }

    @Override
    public void getStatistics(StatisticsList list) {
        // none
    }
}
