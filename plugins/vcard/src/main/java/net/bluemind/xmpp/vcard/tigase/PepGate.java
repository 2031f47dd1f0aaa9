package net.bluemind.xmpp.vcard.tigase;

import net.bluemind.xmpp.vcard.PepRequest;
import net.bluemind.xmpp.vcard.PepRequests;
import net.bluemind.xmpp.vcard.render.AvatarRenderer;
import tigase.server.Packet;
import tigase.xml.Element;
import tigase.xmpp.NoConnectionIdException;
import tigase.xmpp.NotAuthorizedException;
import tigase.xmpp.StanzaType;
import tigase.xmpp.XMPPResourceConnection;
import tigase.xmpp.jid.JID;

/**
 * Picks, before any session-manager processor sees it, the PEP request to a local account that this plugin
 * answers (see {@link PepRequests#answeredHere}): a pubsub {@code get}/{@code set} to an account's bare JID
 * (or to no one: one's own account). Claimed requests are answered here alone, so Tigase's {@code pep}
 * processor never forwards them to the pubsub component and exactly one answer goes back. Decides without
 * reading the directory.
 */
final class PepGate {

    static final String PUBSUB_OWNER_XMLNS = AvatarRenderer.PUBSUB_XMLNS + "#owner";

    /** A claimed request, and the requester's connection when it came from a local session (else null). */
    record Claim(PepRequest request, JID deliverTo) {
    }

    private PepGate() {
    }

    /** The claim, or null when the packet is not a PEP request answered here. */
    static Claim claim(Packet packet, XMPPResourceConnection session, boolean pepServiceDeployed)
            throws NotAuthorizedException {
        if (!"iq".equals(packet.getElemName())
                || (packet.getType() != StanzaType.get && packet.getType() != StanzaType.set)) {
            return null;
        }
        Element iq = packet.getElement();
        Element pubsub = iq.getChild("pubsub", AvatarRenderer.PUBSUB_XMLNS);
        if (pubsub == null) {
            pubsub = iq.getChild("pubsub", PUBSUB_OWNER_XMLNS);
        }
        if (pubsub == null) {
            return null;
        }
        JID connection = fromOwnConnection(packet, session);
        JID to = packet.getStanzaTo();
        String target;
        if (to == null) {
            if (connection == null || !session.isAuthorized()) {
                return null;
            }
            target = session.getBareJID().toString();
        } else {
            if (to.getResource() != null || to.getLocalpart() == null) {
                return null; // to a client, or to a server / component: not an account's PEP service
            }
            if (connection != null && (!session.isAuthorized() || !session.isLocalDomain(to.getDomain(), false))) {
                return null; // a remote account: routed as usual
            }
            target = to.getBareJID().toString();
        }
        Element op = null;
        for (Element child : pubsub.getChildren() == null ? java.util.List.<Element>of() : pubsub.getChildren()) {
            if (op == null) {
                op = child;
            }
            if (child.getAttributeStaticStr("node") != null) {
                op = child;
                break;
            }
        }
        String node = op == null ? null : op.getAttributeStaticStr("node");
        if (!PepRequests.answeredHere(node, pepServiceDeployed)) {
            return null;
        }
        String itemId = null;
        if (op != null && "items".equals(op.getName())) {
            Element item = op.getChild("item");
            itemId = item == null ? null : item.getAttributeStaticStr("id");
        }
        return new Claim(new PepRequest(target, packet.getType() == StanzaType.set,
                op == null ? "" : op.getName(), node, itemId), connection);
    }

    /** The session's connection id when the packet comes from that client, else null. */
    static JID fromOwnConnection(Packet packet, XMPPResourceConnection session) {
        if (session == null || packet.getPacketFrom() == null) {
            return null;
        }
        try {
            JID connection = session.getConnectionId();
            return packet.getPacketFrom().equals(connection) ? connection : null;
        } catch (NoConnectionIdException e) {
            return null;
        }
    }
}
