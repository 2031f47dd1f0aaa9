package net.bluemind.xmpp.vcard.tigase;

import net.bluemind.xmpp.vcard.VCardRequests;
import net.bluemind.xmpp.vcard.xml.XmlText;
import tigase.server.Packet;
import tigase.xml.Element;
import tigase.xmpp.StanzaType;
import tigase.xmpp.XMPPResourceConnection;

/**
 * A user's roster {@code set} adding a directory colleague without a name, or named only by the local part, gets
 * the directory's display name ("Léa Martin", not "lea.martin") before Tigase's roster processor stores it. Items
 * with another name, removals and JIDs the directory does not know are left alone.
 */
final class RosterNames {

    static final String ROSTER_XMLNS = "jabber:iq:roster";

    private RosterNames() {
    }

    static void fill(Packet packet, XMPPResourceConnection session, VCardRequests requests) {
        if (!"iq".equals(packet.getElemName()) || packet.getType() != StanzaType.set
                || PepGate.fromOwnConnection(packet, session) == null || !session.isAuthorized()) {
            return;
        }
        Element query = packet.getElement().getChild("query", ROSTER_XMLNS);
        if (query == null || query.getChildren() == null) {
            return;
        }
        for (Element item : query.getChildren()) {
            String jid = item.getAttributeStaticStr("jid");
            String name = item.getAttributeStaticStr("name");
            if ("item".equals(item.getName()) && jid != null && VCardRequests.isPlaceholderName(jid, name)
                    && !"remove".equals(item.getAttributeStaticStr("subscription"))) {
                requests.displayName(jid) // a JID holds none of the characters XML escapes
                        .ifPresent(n -> item.setAttribute("name", XmlText.escape(n)));
            }
        }
    }
}
