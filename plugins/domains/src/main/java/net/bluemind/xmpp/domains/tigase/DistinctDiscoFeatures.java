package net.bluemind.xmpp.domains.tigase;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.domains.caps.DiscoInfo;
import net.bluemind.xmpp.domains.caps.EntityCaps;
import tigase.server.Packet;
import tigase.server.PacketFilterIfc;
import tigase.server.QueueType;
import tigase.stats.StatisticsList;
import tigase.xml.Element;
import tigase.xmpp.StanzaType;
import tigase.xmpp.jid.JID;

/**
 * The session manager's outgoing filter ({@code sess-man/outgoingFilters/bm-distinct-disco/class} in init.properties):
 * a disco#info answer from a server or service (a JID without local part: the domain, {@code node#ver} of its
 * capabilities, a component) reaches the client without repeated features or identities. Tigase 8.4.0's
 * {@code MessageRouter.getDiscoInfo} appends every component's features to the router's own, and the domain's
 * answer lists {@code http://jabber.org/protocol/commands} twice, which XEP-0030 does not allow and which makes the
 * capabilities of XEP-0115 ill-formed (section 5.4) for a client that verifies them (docs/developers-guide.md,
 * "Known Tigase issues"). {@link ServerEntityCaps} hashes the same answer without the repeats. Everything else goes
 * on untouched.
 */
public class DistinctDiscoFeatures implements PacketFilterIfc {

    static final String DISCO_INFO_XMLNS = "http://jabber.org/protocol/disco#info";
    private static final Logger LOG = Logger.getLogger(DistinctDiscoFeatures.class.getName());

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
            if (from == null || from.getLocalpart() != null) {
                return packet;
            }
            Element query = packet.getElement().getChild("query", DISCO_INFO_XMLNS);
            if (query != null) {
                dropRepeats(query);
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "disco#info answer left as it came", e);
        }
        return packet;
    }

    /** Removes repeated {@code <feature/>} and {@code <identity/>} children of the query: one of each stays. */
    static void dropRepeats(Element query) {
        List<Element> children = query.getChildren();
        if (children == null) {
            return;
        }
        List<Element> entries = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (Element child : children) {
            if ("feature".equals(child.getName())) {
                entries.add(child);
                keys.add("feature " + child.getAttributeStaticStr("var"));
            } else if ("identity".equals(child.getName())) {
                entries.add(child);
                keys.add("identity " + new DiscoInfo.Identity(child.getAttributeStaticStr("category"),
                        child.getAttributeStaticStr("type"), child.getAttributeStaticStr("xml:lang"),
                        child.getAttributeStaticStr("name")).key());
            }
        }
        for (int i : EntityCaps.repeated(keys)) {
            query.removeChild(entries.get(i));
        }
    }

    @Override
    public void getStatistics(StatisticsList list) {
        // none
    }
}
