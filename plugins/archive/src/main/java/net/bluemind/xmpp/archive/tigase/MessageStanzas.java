package net.bluemind.xmpp.archive.tigase;

import java.util.ArrayList;
import net.bluemind.xmpp.archive.ArchiveId;
import net.bluemind.xmpp.archive.capture.Stanza;
import tigase.server.Packet;
import tigase.xml.Element;
import tigase.xml.XMLUtils;
import tigase.xmpp.jid.JID;

/** Reads what capture needs from a Tigase message packet, and adds / strips XEP-0359 stanza ids. */
final class MessageStanzas {

    static final String SID = "urn:xmpp:sid:0";
    private static final String CARBONS = "urn:xmpp:carbons:2";
    private static final String HINTS = "urn:xmpp:hints";

    private MessageStanzas() {
    }

    /** Tigase's mark on a message its connection manager could not deliver and hands back (C2SDeliveryErrorProcessor). */
    static final String TIGASE_DELIVERY_ERROR = "http://tigase.org/delivery-error";

    static Stanza of(Packet packet, JID from) {
        JID to = packet.getStanzaTo();
        Element m = packet.getElement();
        return of(m, m.getAttributeStaticStr("type"), from == null ? null : from.toString(), to == null ? null : to.toString());
    }

    static Stanza of(Element m, String type, String from, String to) {
        boolean carbon = m.getChild("sent", CARBONS) != null || m.getChild("received", CARBONS) != null;
        boolean noStore = m.getChild("no-store", HINTS) != null || m.getChild("no-permanent-store", HINTS) != null;
        boolean redelivered = m.getChild("delivery-error", TIGASE_DELIVERY_ERROR) != null;
        return new Stanza(type, from, to, XMLUtils.unescape(m.getAttributeStaticStr("id")), cdata(m, "body"),
                cdata(m, "thread"), carbon, noStore, redelivered);
    }

    private static String cdata(Element m, String child) {
        Element c = m.getChild(child);
        return c == null ? null : XMLUtils.unescape(c.getCData());
    }

    /** Removes stanza ids claiming to come from {@code by}: only this server may set those (XEP-0359 §3). */
    static void stripForged(Element m, String by) {
        java.util.List<Element> children = m.getChildren(); // null when none in tigase-xmltools 4.3
        if (children == null) {
            return;
        }
        for (Element c : new ArrayList<>(children)) {
            if ("stanza-id".equals(c.getName()) && SID.equals(c.getXMLNS()) && by.equalsIgnoreCase(c.getAttributeStaticStr("by"))) {
                m.removeChild(c);
            }
        }
    }

    /**
     * Keeps, among the stanza ids {@code by} a room of ours, only archive ids: tigase-muc adds its own (a UUID from
     * its history store, which our MAM at the room does not know) beside the one bm-archive set on the way in.
     */
    static void keepOnlyArchiveIds(Element m, String by) {
        java.util.List<Element> children = m.getChildren();
        if (children == null) {
            return;
        }
        for (Element c : new ArrayList<>(children)) {
            if ("stanza-id".equals(c.getName()) && SID.equals(c.getXMLNS()) && by.equalsIgnoreCase(c.getAttributeStaticStr("by"))
                    && ArchiveId.timeOf(c.getAttributeStaticStr("id")).isEmpty()) {
                m.removeChild(c);
            }
        }
    }

    static void addStanzaId(Element m, String by, String id) {
        m.addChild(new Element("stanza-id", new String[] {"xmlns", "by", "id"}, new String[] {SID, by, id}));
    }
}
