package net.bluemind.xmpp.domains.tigase;

import net.bluemind.xmpp.domains.CapsHash;
import tigase.server.Packet;
import tigase.server.PacketFilterIfc;
import tigase.server.QueueType;
import tigase.stats.StatisticsList;
import tigase.xml.Element;

/**
 * Writes the server's entity capabilities in a logged-in client's stream features with the hash name XEP-0115 defines
 * ({@code sha-1}, not Tigase's {@code SHA-1}: {@link CapsHash}), as they leave the session manager
 * ({@code sess-man/outgoingFilters/bm-caps-hash/class} in init.properties). The features travel to the connection
 * manager as the result of its {@code GETFEATURES} command; nothing else is touched.
 */
public class StreamFeaturesCapsFilter implements PacketFilterIfc {

    static final String CAPS = "http://jabber.org/protocol/caps";

    @Override
    public void init(String name, QueueType qType) {
        // nothing to set up
    }

    @Override
    public Packet filter(Packet packet) {
        if ("iq".equals(packet.getElemName())) {
            Element command = packet.getElement().getChild("command");
            if (command != null && "GETFEATURES".equals(command.getAttributeStaticStr("node"))) {
                Element caps = command.getChild("c", CAPS);
                if (caps != null) {
                    CapsHash.corrected(caps.getAttributeStaticStr("hash")).ifPresent(h -> caps.setAttribute("hash", h));
                }
            }
        }
        return packet; // never stops a packet
    }

    @Override
    public void getStatistics(StatisticsList list) {
        // none
    }
}
