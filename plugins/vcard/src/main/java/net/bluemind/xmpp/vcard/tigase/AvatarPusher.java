package net.bluemind.xmpp.vcard.tigase;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.vcard.AvatarAudience;
import net.bluemind.xmpp.vcard.CardField;
import net.bluemind.xmpp.vcard.CardPolicy;
import net.bluemind.xmpp.vcard.Contact;
import net.bluemind.xmpp.vcard.Photo;
import net.bluemind.xmpp.vcard.VCardRequests;
import net.bluemind.xmpp.vcard.render.PepItemRenderer;
import net.bluemind.xmpp.vcard.xml.XmlNode;
import tigase.component.PacketWriter;
import tigase.server.Packet;
import tigase.util.dns.DNSResolverFactory;
import tigase.xml.Element;
import tigase.xmpp.StanzaType;
import tigase.xmpp.XMPPResourceConnection;
import tigase.xmpp.impl.PresenceState;
import tigase.xmpp.jid.BareJID;
import tigase.xmpp.jid.JID;

/**
 * Pushes avatar changes: remembers the sessions whose presence we stamped, re-broadcasts their presence
 * (through Tigase's PresenceState, so the new XEP-0153 hash goes to every contact) when the engine reports a
 * new photo, and follows each available presence a user sends to a contact with the XEP-0084 metadata
 * notification, once per (user, contact, hash); the user counts as their own contact. A recipient on another
 * server gets the avatar and card notifications only as far as {@link CardPolicy} shows them the card.
 */
final class AvatarPusher {

    private static final Logger LOG = Logger.getLogger(AvatarPusher.class.getName());

    private final VCardRequests requests;
    private final Requesters requesters;
    private final AvatarAudience<XMPPResourceConnection> audience = new AvatarAudience<>(200_000);

    AvatarPusher(VCardRequests requests, Requesters requesters) {
        this.requests = requests;
        this.requesters = requesters;
    }

    void presenceStamped(String user, XMPPResourceConnection session) {
        audience.sessionStamped(user, session);
    }

    /** @return true when it was the user's last stamped session */
    boolean sessionStopped(String user, XMPPResourceConnection session) {
        audience.contactGone(user);
        return audience.sessionStopped(user, session);
    }

    /** The engine saw {@code user}'s photo change: every session re-broadcasts its presence with the new hash. */
    void avatarChanged(String user, Optional<Photo> photo, PresenceState presenceState, PacketWriter writer) {
        if (presenceState == null || writer == null) {
            return;
        }
        for (XMPPResourceConnection session : audience.sessions(user)) {
            try {
                Queue<Packet> out = new ArrayDeque<>();
                presenceState.rebroadcastPresence(session, out);
                addNotices(session, out);
                writer.write(out);
            } catch (Exception e) {
                LOG.log(Level.FINE, "could not re-broadcast the presence of " + user, e);
            }
        }
        LOG.fine(() -> "avatar of " + user + " changed to " + photo.map(Photo::sha1).orElse("none"));
    }

    /**
     * The engine saw {@code user}'s card change: every session re-broadcasts its presence, followed by the
     * XEP-0292 vCard4 and XEP-0172 nick notifications to each contact it reaches (the user included).
     */
    void cardChanged(String user, Contact contact, PresenceState presenceState, PacketWriter writer) {
        if (presenceState == null || writer == null) {
            return;
        }
        Map<Set<CardField>, List<XmlNode>> eventsByView = new HashMap<>();
        for (XMPPResourceConnection session : audience.sessions(user)) {
            try {
                Queue<Packet> out = new ArrayDeque<>();
                presenceState.rebroadcastPresence(session, out);
                BareJID from = session.getBareJID();
                Requesters.Audience who = requesters.forOwner(from);
                for (JID to : recipients(session, from, out)) {
                    Set<CardField> shown = requests.visibleTo(who.of(to));
                    if (shown.isEmpty()) {
                        continue;
                    }
                    for (XmlNode event : eventsByView.computeIfAbsent(shown, v -> cardEvents(contact, v))) {
                        out.offer(headline(from, to, event));
                    }
                }
                writer.write(out);
            } catch (Exception e) {
                LOG.log(Level.FINE, "could not notify the card change of " + user, e);
            }
        }
        LOG.fine(() -> "card of " + user + " changed");
    }

    private static List<XmlNode> cardEvents(Contact contact, Set<CardField> shown) {
        Contact visible = CardPolicy.restrict(contact, shown);
        List<XmlNode> events = new ArrayList<>();
        PepItemRenderer.event(PepItemRenderer.VCARD4_NODE, visible).ifPresent(events::add);
        PepItemRenderer.event(PepItemRenderer.NICK_NODE, visible).ifPresent(events::add);
        return events;
    }

    /**
     * Adds a metadata notification for every contact an available presence of the session's user goes to, the
     * user's own bare JID included (the owner of a PEP node is subscribed to it: their other clients learn the
     * directory photo, and a change of it, the same way).
     */
    void addNotices(XMPPResourceConnection session, Queue<Packet> results) throws Exception {
        if (session == null || !session.isAuthorized() || results.isEmpty()) {
            return;
        }
        BareJID user = session.getBareJID();
        List<JID> recipients = recipients(session, user, results);
        if (recipients.isEmpty()) {
            return;
        }
        String userJid = user.toString();
        Optional<VCardRequests.AvatarNotice> notice = requests.avatarNotice(userJid);
        if (notice.isEmpty()) {
            return;
        }
        Requesters.Audience who = requesters.forOwner(user);
        for (JID to : recipients) {
            if (!requests.visibleTo(who.of(to)).contains(CardField.PHOTO)) {
                continue; // not shown the photo: not told of it either
            }
            if (!audience.firstTimeTold(userJid, to.getBareJID().toString(), notice.get().itemId())) {
                continue;
            }
            results.offer(headline(user, to, notice.get().event()));
        }
    }

    /**
     * The users an available presence of {@code user} in {@code results} goes to: not components, whether
     * addressed by domain ({@code pubsub.example.com}) or as {@code name@<server's host name>} (Tigase's
     * {@code amp@host} gets a copy of every initial presence; a headline sent there is logged as
     * "Not an AMP packet!").
     */
    private static List<JID> recipients(XMPPResourceConnection session, BareJID user, Queue<Packet> results) {
        List<JID> recipients = new ArrayList<>();
        for (Packet p : results) {
            if ("presence".equals(p.getElemName()) && (p.getType() == null || p.getType() == StanzaType.available)
                    && p.getStanzaFrom() != null && user.equals(p.getStanzaFrom().getBareJID())
                    && p.getStanzaTo() != null && p.getStanzaTo().getLocalpart() != null
                    && !isServerComponent(session, p.getStanzaTo())) {
                recipients.add(p.getStanzaTo());
            }
        }
        return recipients;
    }

    /** {@code amp@<host>}, or anything at the server's host name when that is no virtual host. */
    private static boolean isServerComponent(XMPPResourceConnection session, JID to) {
        String host = DNSResolverFactory.getInstance().getDefaultHost();
        if (host == null || !host.equalsIgnoreCase(to.getDomain())) {
            return false;
        }
        return "amp".equals(to.getLocalpart()) || !session.isLocalDomain(to.getDomain(), false);
    }

    /** A PEP notification from the user's bare JID, as a PEP service sends it. */
    private static Packet headline(BareJID user, JID to, XmlNode event) {
        Element message = new Element("message", new String[]{"type"}, new String[]{"headline"});
        message.setXMLNS("jabber:client"); // without it Tigase routes the stanza nowhere
        message.addChild(ElementConverter.toElement(event));
        return Packet.packetInstance(message, JID.jidInstanceNS(user), to);
    }
}
