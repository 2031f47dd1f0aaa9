package net.bluemind.xmpp.vcard.tigase;

import java.util.Queue;
import net.bluemind.xmpp.vcard.route.Address;
import net.bluemind.xmpp.vcard.route.AddressBook;
import net.bluemind.xmpp.vcard.route.AddressRoutes;
import net.bluemind.xmpp.vcard.route.Route;
import net.bluemind.xmpp.vcard.route.StanzaKind;
import tigase.server.Packet;
import tigase.xml.Element;
import tigase.xmpp.XMPPResourceConnection;
import tigase.xmpp.jid.JID;

/**
 * Applies {@link AddressRoutes} to a stanza the session manager is about to deliver to a local address (a session
 * manager preprocessor, in {@link BlueMindVCardTemp}): an address that is not a user's JID. Tigase 8.4.0 takes every
 * address at a local domain for an account: with no session, a message goes to the offline store of an account
 * nobody will ever log in to (the shipped user repository creates it: {@code autoCreateUser=true}), a subscription
 * request waits there forever, and the sender is told nothing. Only the delivery pass is looked at (not the
 * sender's own session: that one has already been through {@link AddressRouteFilter}, and the sender's roster must
 * see its own subscription request first); a recipient with a session is at their JID and is left alone at once.
 */
final class AddressGate {

    static final String STANZAS = "urn:ietf:params:xml:ns:xmpp-stanzas";

    private AddressGate() {
    }

    /** @return true when the stanza was answered here (results hold the answer, if any) and must go no further */
    static boolean check(Packet packet, XMPPResourceConnection session, AddressBook book, Queue<Packet> results) {
        JID to = packet.getStanzaTo();
        if (to == null || to.getLocalpart() == null || session != null) {
            return false; // to a server or component, or to a user with a session (at their JID): nothing to decide
        }
        StanzaKind kind = StanzaKind.of(packet.getElemName(), packet.getElement().getAttributeStaticStr("type"));
        if (kind == StanzaKind.IQ_REQUEST || kind == StanzaKind.PROBE || kind == StanzaKind.OTHER) {
            return false; // always left to Tigase: no directory read
        }
        String bare = to.getBareJID().toString();
        Address address = book.resolve(bare);
        Route route = AddressRoutes.decide(kind, bare, address);
        if (route instanceof Route.Pass) {
            return false;
        }
        Packet answer = answer(packet, route);
        if (answer != null) {
            results.offer(answer);
        }
        packet.processedBy(BlueMindVCardTemp.XMLNS);
        return true;
    }

    /** The stanza the route sends, or null (dropped; or nobody to answer). */
    static Packet answer(Packet packet, Route route) {
        if (route instanceof Route.Rewrite r) {
            return rewritten(packet, r.jid());
        }
        JID sender = packet.getStanzaFrom();
        if (sender == null) {
            return null;
        }
        if (route instanceof Route.Gone g) {
            return error(packet, "gone", "xmpp:" + g.jid(), g.text());
        }
        if (route instanceof Route.Bounce b) {
            return error(packet, "service-unavailable", null, b.text());
        }
        if (route instanceof Route.Unsubscribed) {
            Element p = new Element("presence", new String[] {"xmlns", "type", "from", "to"},
                    new String[] {"jabber:client", "unsubscribed", packet.getStanzaTo().getBareJID().toString(),
                            sender.getBareJID().toString()});
            return Packet.packetInstance(p, JID.jidInstanceNS(packet.getStanzaTo().getBareJID()),
                    JID.jidInstanceNS(sender.getBareJID()));
        }
        return null;
    }

    /** A copy of the stanza to the user's JID (the resource kept), from the same connection. */
    static Packet rewritten(Packet packet, String jid) {
        String resource = packet.getStanzaTo().getResource();
        String to = resource == null ? jid : jid + "/" + resource;
        Element copy = packet.getElement().clone();
        copy.setAttribute("to", to);
        Packet p = Packet.packetInstance(copy, packet.getStanzaFrom(), JID.jidInstanceNS(to));
        p.setPacketFrom(packet.getPacketFrom());
        return p;
    }

    /** An error of type cancel from the address the stanza was sent to, back to its sender (RFC 6120 8.3). */
    private static Packet error(Packet packet, String condition, String conditionText, String text) {
        Element e = new Element(packet.getElemName(), new String[] {"xmlns", "type", "from", "to"},
                new String[] {"jabber:client", "error", packet.getStanzaTo().toString(), packet.getStanzaFrom().toString()});
        String id = packet.getElement().getAttributeStaticStr("id");
        if (id != null) {
            e.setAttribute("id", id);
        }
        Element error = new Element("error", new String[] {"type"}, new String[] {"cancel"});
        Element c = new Element(condition, new String[] {"xmlns"}, new String[] {STANZAS});
        if (conditionText != null) {
            c.setCData(escape(conditionText));
        }
        error.addChild(c);
        Element t = new Element("text", new String[] {"xmlns"}, new String[] {STANZAS});
        t.setCData(escape(text));
        error.addChild(t);
        e.addChild(error);
        return Packet.packetInstance(e, packet.getStanzaTo(), packet.getStanzaFrom());
    }

    /** Tigase keeps character data escaped. */
    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
