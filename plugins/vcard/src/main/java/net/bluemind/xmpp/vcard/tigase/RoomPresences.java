package net.bluemind.xmpp.vcard.tigase;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import net.bluemind.xmpp.vcard.RoomPresenceOrder;
import tigase.server.Packet;
import tigase.xml.Element;

/**
 * Puts the room's {@code muc#user} first among the {@code <x>} children of every presence the session manager
 * delivers to a local user ({@link RoomPresenceOrder} decides and says why): run from the out filter, so it covers
 * every join, status change and departure of every occupant of every room, local or not. The element is reordered
 * in place, like the other out filters do: it is the copy made for this one delivery.
 */
final class RoomPresences {

    private RoomPresences() {
    }

    static void order(Queue<Packet> results) {
        for (Packet p : results) {
            if (!"presence".equals(p.getElemName())) {
                continue;
            }
            Element presence = p.getElement();
            List<Element> children = presence.getChildren();
            if (children == null || children.size() < 2) {
                continue;
            }
            List<Element> ordered = RoomPresenceOrder.mucUserFirst(children, Element::getName, Element::getXMLNS);
            if (ordered != null) {
                reorder(presence, ordered);
            }
        }
    }

    static void reorder(Element parent, List<Element> ordered) {
        for (Element c : new ArrayList<>(ordered)) {
            parent.removeChild(c);
        }
        ordered.forEach(parent::addChild);
    }
}
