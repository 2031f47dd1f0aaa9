package net.bluemind.xmpp.archive.tigase;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.archive.room.OccupantIdKey;
import net.bluemind.xmpp.archive.room.OccupantIds;
import net.bluemind.xmpp.common.settings.Keys;
import net.bluemind.xmpp.common.settings.Settings;
import tigase.server.Packet;
import tigase.server.PacketFilterIfc;
import tigase.server.QueueType;
import tigase.stats.StatisticsList;
import tigase.xml.Element;

/**
 * XEP-0421 occupant identifiers for our rooms, which tigase-muc 3.4.0 does not give
 * ({@code conference/outgoingFilters/bm-occupant-id/class} in init.properties). Every message and presence an
 * occupant sends through a room leaves the MUC component with exactly one {@code <occupant-id/>}, the one
 * {@link OccupantIds} makes for the occupant's real JID (any the sender put there is removed: it could impersonate
 * another occupant), and rooms list {@code urn:xmpp:occupant-id:0} in their disco#info. Clients use it to tell who
 * wrote what across nickname changes (moderation, reactions, replies: Conversations, Gajim, Dino).
 */
public class OccupantIdFilter implements PacketFilterIfc {

    private static final Logger LOG = Logger.getLogger(OccupantIdFilter.class.getName());
    private static final String MUC_USER = "http://jabber.org/protocol/muc#user";
    private static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";
    private static volatile OccupantIds ids;

    @Override
    public void init(String name, QueueType qType) {
        // the key is read at first use: Tigase sets the bm-xmpp.* system properties during its start
    }

    @Override
    public Packet filter(Packet packet) {
        Element stanza = packet.getElement();
        String from = packet.getStanzaFrom() == null ? null : packet.getStanzaFrom().toString();
        String type = stanza.getAttributeStaticStr("type");
        if (OccupantIds.concerns(stanza.getName(), type, from)) {
            stamp(stanza, from);
        } else if ("iq".equals(stanza.getName()) && "result".equals(type)) {
            advertise(stanza, from);
        }
        return packet; // never stops a packet
    }

    private static void stamp(Element stanza, String from) {
        List<Element> children = stanza.getChildren(); // null when none
        if (children != null) {
            for (Element child : children) {
                if ("occupant-id".equals(child.getName()) && OccupantIds.XMLNS.equals(child.getXMLNS())) {
                    stanza.removeChild(child);
                }
            }
        }
        Element x = stanza.getChild("x", MUC_USER);
        Element item = x == null ? null : x.getChild("item");
        Optional<String> id = ids().idFor(from, item == null ? null : item.getAttributeStaticStr("jid"));
        id.ifPresent(i -> stanza.addChild(
                new Element("occupant-id", new String[] {"xmlns", "id"}, new String[] {OccupantIds.XMLNS, i})));
    }

    /** A room's disco#info (no node) lists the feature. */
    private static void advertise(Element iq, String from) {
        Element query = iq.getChild("query", DISCO_INFO);
        if (query == null || query.getAttributeStaticStr("node") != null || from == null || from.indexOf('@') < 1
                || from.indexOf('/') >= 0) {
            return;
        }
        List<Element> children = query.getChildren();
        if (children != null) {
            for (Element child : children) {
                if ("feature".equals(child.getName()) && OccupantIds.XMLNS.equals(child.getAttributeStaticStr("var"))) {
                    return;
                }
            }
        }
        query.addChild(new Element("feature", new String[] {"var"}, new String[] {OccupantIds.XMLNS}));
    }

    private static OccupantIds ids() {
        OccupantIds current = ids;
        if (current == null) {
            synchronized (OccupantIdFilter.class) {
                if (ids == null) {
                    ids = new OccupantIds(key());
                }
                current = ids;
            }
        }
        return current;
    }

    private static byte[] key() {
        try {
            return OccupantIdKey.loadOrCreate(Settings.fromSystemProperties().get(Keys.CERTS_DIR));
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "bm-xmpp: cannot read or create " + OccupantIdKey.FILE + " in certs-dir (" + e
                    + "): rooms' occupant ids change at the next restart", e);
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            return fresh;
        }
    }

    @Override
    public void getStatistics(StatisticsList list) {
        // none
    }
}
