package net.bluemind.xmpp.domains.tigase;

import java.util.Map;
import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.domains.delivery.BareJidRules;
import tigase.db.NonAuthUserRepository;
import tigase.kernel.beans.Bean;
import tigase.server.Packet;
import tigase.server.xmppsession.SessionManager;
import tigase.xmpp.Authorization;
import tigase.xmpp.XMPPPreprocessorIfc;
import tigase.xmpp.XMPPProcessor;
import tigase.xmpp.XMPPResourceConnection;
import tigase.xmpp.impl.annotation.Id;
import tigase.xmpp.jid.JID;

/**
 * A session-manager preprocessor ({@code sess-man/bm-bare-groupchat} in init.properties): a {@code groupchat}
 * message a local user sends to a user's bare JID at one of the server's domains is refused with
 * {@code service-unavailable} and delivered to nobody (RFC 6121 8.5.2.1.1; {@link BareJidRules} decides). Tigase
 * 8.4.0 delivered it to the user's resources like a chat message. Groupchat to a room (at the room service, not a
 * user domain) is untouched, as is everything else. Messages from other servers are not looked at.
 */
@Bean(name = BareJidGroupchat.ID, parent = SessionManager.class, active = true)
@Id(BareJidGroupchat.ID)
public class BareJidGroupchat extends XMPPProcessor implements XMPPPreprocessorIfc {

    static final String ID = "bm-bare-groupchat";
    private static final Logger LOG = Logger.getLogger(BareJidGroupchat.class.getName());

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean preProcess(Packet packet, XMPPResourceConnection session, NonAuthUserRepository repo,
            Queue<Packet> results, Map<String, Object> settings) {
        if (session == null || !"message".equals(packet.getElemName())) {
            return false;
        }
        try {
            JID to = packet.getStanzaTo();
            if (to == null || !session.isAuthorized() || !session.getConnectionId().equals(packet.getPacketFrom())) {
                return false; // not from the user's own connection: the delivery pass, or not a user's
            }
            if (!BareJidRules.refusesGroupchat("message", packet.getElement().getAttributeStaticStr("type"),
                    to.getLocalpart() != null, to.getResource() != null, session.isLocalDomain(to.getDomain(), false))) {
                return false;
            }
            results.offer(Authorization.SERVICE_UNAVAILABLE.getResponseMessage(packet,
                    "A groupchat message goes to a room, not to a user's address", true));
            packet.processedBy(ID);
            return true;
        } catch (Exception e) {
            LOG.log(Level.FINE, "groupchat message left to Tigase", e);
            return false;
        }
    }
}
