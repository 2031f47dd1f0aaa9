package net.bluemind.xmpp.domains.tigase;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.domains.phones.HibernatedConnections;
import net.bluemind.xmpp.domains.phones.PushWhileHibernated;
import tigase.server.Packet;
import tigase.xmpp.NoConnectionIdException;
import tigase.xmpp.NotAuthorizedException;
import tigase.xmpp.XMPPResourceConnection;
import tigase.xmpp.impl.push.PushNotificationsExtension;
import tigase.xmpp.jid.BareJID;

/**
 * A trigger of Tigase's push notifications (XEP-0357): a message for a user all of whose sessions are hibernated is
 * notified at once, instead of when the hibernation ends (the decision: {@link PushWhileHibernated}). Which connections
 * are hibernated, the client connections record ({@link SerializedTlsIOService}). Configured as
 * {@code sess-man/urn\:xmpp\:push\:0/bm-hibernated/class}; Tigase's push processor asks it for each message.
 */
public class HibernatedSessionPush implements PushNotificationsExtension {

    private static final Logger LOG = Logger.getLogger(HibernatedSessionPush.class.getName());

    @Override
    public boolean shouldSendNotification(Packet packet, BareJID userJid, XMPPResourceConnection session) {
        if (session == null || !"message".equals(packet.getElemName())) {
            return false;
        }
        try {
            boolean toThisUser = packet.getStanzaTo() != null && session.isUserId(packet.getStanzaTo().getBareJID());
            if (!PushWhileHibernated.worthWaking(packet.getElement().getAttributeStaticStr("type"),
                    packet.getElement().getChild("body") != null, toThisUser)) {
                return false;
            }
            List<String> connections = new ArrayList<>();
            for (XMPPResourceConnection s : session.getActiveSessions()) {
                connections.add(s.getConnectionId().toString());
            }
            boolean notify = PushWhileHibernated.allHibernated(connections, HibernatedConnections.local()::isHibernated);
            if (notify && LOG.isLoggable(Level.FINE)) {
                LOG.log(Level.FINE, "push now for {0}: all its sessions are hibernated {1}", new Object[]{userJid, connections});
            }
            return notify;
        } catch (NotAuthorizedException | NoConnectionIdException e) {
            return false; // a session being set up or closed is not hibernated
        }
    }
}
