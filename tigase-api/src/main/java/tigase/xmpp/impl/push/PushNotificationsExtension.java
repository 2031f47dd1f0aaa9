package tigase.xmpp.impl.push;

import tigase.server.Packet;
import tigase.xmpp.XMPPException;
import tigase.xmpp.XMPPResourceConnection;
import tigase.xmpp.jid.BareJID;

/** Declared members: only those bm-xmpp uses (Tigase's push triggers: PushNotifications asks each one). */
public interface PushNotificationsExtension extends PushNotificationsAware {

    boolean shouldSendNotification(Packet packet, BareJID userJid, XMPPResourceConnection session) throws XMPPException;
}
