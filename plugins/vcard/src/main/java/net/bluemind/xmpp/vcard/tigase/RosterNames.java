package net.bluemind.xmpp.vcard.tigase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import net.bluemind.xmpp.vcard.VCardRequests;
import net.bluemind.xmpp.vcard.xml.XmlText;
import tigase.db.TigaseDBException;
import tigase.server.Packet;
import tigase.xml.Element;
import tigase.xmpp.NotAuthorizedException;
import tigase.xmpp.StanzaType;
import tigase.xmpp.XMPPResourceConnection;
import tigase.xmpp.impl.roster.RosterAbstract;
import tigase.xmpp.impl.roster.RosterFactory;
import tigase.xmpp.jid.BareJID;
import tigase.xmpp.jid.JID;

/**
 * Directory names ("Léa Martin", not "lea.martin") in the roster items of directory colleagues
 * ({@link VCardRequests#rosterName} decides which items and which name):
 * <ul>
 * <li>a user's roster {@code set} adding a colleague without a name, or named only by the local part, gets it before
 * Tigase's roster processor stores it ({@link #fill});</li>
 * <li>an item Tigase creates or changes itself gets it in the roster push and in Tigase's store
 * ({@link #fillPushes}). Tigase's presence-subscription code ({@code PresenceSubscription.processInSubscribe},
 * {@code processOutSubscribe}, {@code processInSubscribed}, {@code RosterAbstract.updateBuddySubscription}) adds a
 * missing item with no name, which {@code RosterFlat.addBuddy} turns into the local part: a contact who subscribes,
 * or is subscribed to, without a roster {@code set} naming them, or whose automatic {@code subscribed} creates the
 * item, and Thunderbird shows "lea.martin". Run from the out filter, on the thread that has just changed the item:
 * the push to each of the user's resources is renamed, and the stored item once, so a roster get (the next login)
 * has the name too.</li>
 * </ul>
 * Items with another name, removals and JIDs the directory does not know are left alone.
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
            if ("item".equals(item.getName())) {
                directoryName(item, requests).ifPresent(n -> item.setAttribute("name", n));
            }
        }
    }

    /**
     * Renames, in the pushes among {@code results} addressed to the session's user by the server, the items whose
     * name is a stand-in, and the same items in Tigase's store.
     */
    static void fillPushes(XMPPResourceConnection session, Queue<Packet> results, VCardRequests requests)
            throws NotAuthorizedException, TigaseDBException {
        if (session == null || !session.isAuthorized()) {
            return;
        }
        BareJID user = null;
        Map<String, String> stored = null; // the items renamed in the store: several pushes carry the same item
        List<Element> versioned = null; // the renamed pushes' queries that carry a roster version
        for (Packet p : results) {
            if (!"iq".equals(p.getElemName()) || p.getType() != StanzaType.set) {
                continue;
            }
            Element query = p.getElement().getChild("query", ROSTER_XMLNS);
            if (query == null || query.getChildren() == null) {
                continue;
            }
            if (user == null) {
                user = session.getBareJID();
            }
            if (!isPushTo(p, user)) {
                continue;
            }
            for (Element item : query.getChildren()) {
                if (!"item".equals(item.getName())) {
                    continue;
                }
                Optional<String> name = directoryName(item, requests);
                if (name.isEmpty()) {
                    continue;
                }
                item.setAttribute("name", name.get());
                if (query.getAttributeStaticStr("ver") != null) {
                    if (versioned == null) {
                        versioned = new ArrayList<>(2);
                    }
                    versioned.add(query);
                }
                String jid = item.getAttributeStaticStr("jid");
                if (stored == null) {
                    stored = new HashMap<>(2);
                }
                if (stored.putIfAbsent(jid, name.get()) == null) {
                    store(session, jid, name.get());
                }
            }
        }
        if (versioned != null) {
            reversion(session, versioned);
        }
    }

    /**
     * The renamed pushes carry the version of the roster with the name now stored (the shipped roster store,
     * {@code VersionedRoster} of the domains plugin, gives the digest of the items): the version Tigase gave them was
     * the one before the rename, a state no client ever holds.
     */
    private static void reversion(XMPPResourceConnection session, List<Element> queries) {
        RosterAbstract roster = RosterFactory.getRosterImplementation(true);
        if (roster == null) {
            return;
        }
        String ver = roster.getBuddiesHash(session);
        if (ver == null || ver.isEmpty()) {
            return;
        }
        for (Element query : queries) {
            query.setAttribute("ver", ver);
        }
    }

    /** The name to give the item, escaped as Tigase keeps attribute values; empty to leave it as it is. */
    private static Optional<String> directoryName(Element item, VCardRequests requests) {
        String jid = item.getAttributeStaticStr("jid");
        if (jid == null) {
            return Optional.empty();
        }
        return requests.rosterName(jid, item.getAttributeStaticStr("name"), item.getAttributeStaticStr("subscription"))
                .map(XmlText::escape);
    }

    /** A roster push: to the user, from the server (no 'from', or the user's bare JID: RFC 6121 2.1.6). */
    private static boolean isPushTo(Packet p, BareJID user) {
        JID to = p.getStanzaTo();
        JID from = p.getStanzaFrom();
        return to != null && user.equals(to.getBareJID())
                && (from == null || (from.getResource() == null && user.equals(from.getBareJID())));
    }

    /** Tigase keeps the name unescaped and escapes it in what it sends: it is given escaped, as a roster set has it. */
    private static void store(XMPPResourceConnection session, String jid, String escapedName)
            throws NotAuthorizedException, TigaseDBException {
        RosterAbstract roster = RosterFactory.getRosterImplementation(true);
        if (roster != null) {
            roster.setBuddyName(session, JID.jidInstanceNS(jid), escapedName);
        }
    }
}
