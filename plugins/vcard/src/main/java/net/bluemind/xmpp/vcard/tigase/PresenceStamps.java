package net.bluemind.xmpp.vcard.tigase;

import java.util.Optional;
import java.util.Queue;
import net.bluemind.xmpp.vcard.VCardRequests;
import net.bluemind.xmpp.vcard.render.AvatarRenderer;
import net.bluemind.xmpp.vcard.xml.XmlNode;
import tigase.server.Packet;
import tigase.xml.Element;
import tigase.xmpp.NotAuthorizedException;
import tigase.xmpp.StanzaType;
import tigase.xmpp.XMPPResourceConnection;
import tigase.xmpp.jid.BareJID;

/**
 * Keeps the XEP-0153 stamp current in the presence Tigase sends from its stored copy. Tigase's PresenceState
 * calls the presence extenders only when the user sends a presence and in {@code rebroadcastPresence} (whose
 * extended copy it does not store): probe answers ({@code processInProbe}), the presence sent on an approved
 * subscription ({@code PresenceSubscription.processOutSubscribed}), {@code buddyOnline} and the resources update
 * all clone {@code session.getPresence()}, which keeps the stamp of the user's last presence, a bare {@code <x/>}
 * ("not ready") when that was their login. Run from the session manager's out filter, on the thread processing
 * the user's packets: the user's own outgoing available presences are re-stamped with the hash known now, and so
 * is the stored copy (swapped for a re-stamped clone, never changed in place: other threads clone it).
 */
final class PresenceStamps {

    /** The stamp of a bare {@code <x/>}: hash not known yet. */
    private static final String NOT_READY = "-";

    private PresenceStamps() {
    }

    static void refresh(XMPPResourceConnection session, Queue<Packet> results, VCardRequests requests)
            throws NotAuthorizedException {
        if (session == null || !session.isAuthorized()) {
            return;
        }
        BareJID user = session.getBareJID();
        Optional<XmlNode> known = Optional.empty();
        boolean looked = false;
        for (Packet p : results) {
            if (!isAvailablePresenceOf(p, user) || p.getElement().getChild("x", AvatarRenderer.UPDATE_XMLNS) == null) {
                continue;
            }
            if (!looked) {
                known = requests.knownPresenceUpdate(user.toString());
                looked = true;
            }
            if (known.isEmpty()) {
                return; // not known yet: the background read re-broadcasts when it is
            }
            restamp(p.getElement(), known.get());
        }
        Element stored = session.getPresence();
        if (stored == null || stored.getChild("x", AvatarRenderer.UPDATE_XMLNS) == null) {
            return;
        }
        if (!looked) {
            known = requests.knownPresenceUpdate(user.toString());
        }
        if (known.isPresent() && !photoText(stored).equals(photoText(known.get()))) {
            Element copy = stored.clone();
            restamp(copy, known.get());
            session.putSessionData(XMPPResourceConnection.PRESENCE_KEY, copy);
        }
    }

    /**
     * Replaces the presence's XEP-0153 element by {@code current} when its photo differs (a bare {@code <x/>}, or
     * another hash); a presence without one is left alone.
     *
     * @return whether it was replaced
     */
    static boolean restamp(Element presence, XmlNode current) {
        Element x = presence.getChild("x", AvatarRenderer.UPDATE_XMLNS);
        if (x == null || photoText(presence).equals(photoText(current))) {
            return false;
        }
        presence.removeChild(x);
        presence.addChild(ElementConverter.toElement(current));
        return true;
    }

    /** The stamp of a presence: its photo hash, "" for {@code <photo/>}, {@link #NOT_READY} for a bare or no {@code <x/>}. */
    static String photoText(Element presence) {
        Element x = presence.getChild("x", AvatarRenderer.UPDATE_XMLNS);
        Element photo = x == null ? null : x.getChild("photo");
        if (photo == null) {
            return NOT_READY;
        }
        return photo.getCData() == null ? "" : photo.getCData().strip();
    }

    static String photoText(XmlNode update) {
        XmlNode photo = update.find("photo");
        if (photo == null) {
            return NOT_READY;
        }
        return photo.text() == null ? "" : photo.text();
    }

    private static boolean isAvailablePresenceOf(Packet p, BareJID user) {
        return "presence".equals(p.getElemName()) && (p.getType() == null || p.getType() == StanzaType.available)
                && p.getStanzaFrom() != null && user.equals(p.getStanzaFrom().getBareJID());
    }
}
