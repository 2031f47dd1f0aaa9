package net.bluemind.xmpp.auth.tigase;

import java.util.Map;
import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.auth.register.InBandRegistration;
import net.bluemind.xmpp.auth.register.InBandRegistration.Request;
import tigase.db.NonAuthUserRepository;
import tigase.kernel.beans.Bean;
import tigase.server.Packet;
import tigase.server.xmppsession.SessionManager;
import tigase.xml.Element;
import tigase.xmpp.Authorization;
import tigase.xmpp.PacketErrorTypeException;
import tigase.xmpp.StanzaType;
import tigase.xmpp.XMPPProcessorAbstract;
import tigase.xmpp.XMPPResourceConnection;
import tigase.xmpp.impl.annotation.Handle;
import tigase.xmpp.impl.annotation.Handles;
import tigase.xmpp.impl.annotation.Id;
import tigase.xmpp.jid.JID;

/**
 * Tigase's {@code jabber:iq:register} bean replaced (init.properties {@code sess-man/jabber\:iq\:register/class}):
 * every XEP-0077 request to this server, from a stream not yet logged in or from a user (registration form, new
 * account, password change, removal), gets exactly one {@code not-allowed} (cancel) whose text says it is done in
 * BlueMind ({@link InBandRegistration}). Tigase's own bean answered a logged-in user's password change with
 * internal-server-error "Database access problem" (and a WARNING), its form request with a form. No stream feature
 * and no disco feature are advertised. Requests to other entities (a room service, a remote server) are routed
 * untouched, answers to the user handed to their connection, as Tigase does.
 */
@Id(BlueMindRegistration.XMLNS)
@Handles({@Handle(path = {"iq", "query"}, xmlns = BlueMindRegistration.XMLNS)})
@Bean(name = BlueMindRegistration.XMLNS, parent = SessionManager.class, active = true)
public class BlueMindRegistration extends XMPPProcessorAbstract {

    static final String XMLNS = "jabber:iq:register";
    private static final Logger LOG = Logger.getLogger(BlueMindRegistration.class.getName());

    @Override
    public void processFromUserPacket(JID connectionId, Packet packet, XMPPResourceConnection session,
            NonAuthUserRepository repo, Queue<Packet> results, Map<String, Object> settings)
            throws PacketErrorTypeException {
        if (!session.isAuthorized()) {
            // a stream before login talks to its server only
            refuse(packet, false, results);
            return;
        }
        super.processFromUserPacket(connectionId, packet, session, repo, results, settings);
    }

    @Override
    public void processFromUserToServerPacket(JID connectionId, Packet packet, XMPPResourceConnection session,
            NonAuthUserRepository repo, Queue<Packet> results, Map<String, Object> settings)
            throws PacketErrorTypeException {
        refuse(packet, session.isAuthorized(), results);
    }

    @Override
    public void processFromUserOutPacket(JID connectionId, Packet packet, XMPPResourceConnection session,
            NonAuthUserRepository repo, Queue<Packet> results, Map<String, Object> settings) {
        results.offer(packet.copyElementOnly()); // another entity's registration (a room service, a remote server)
    }

    @Override
    public void processToUserPacket(Packet packet, XMPPResourceConnection session, NonAuthUserRepository repo,
            Queue<Packet> results, Map<String, Object> settings) throws PacketErrorTypeException {
        if (isRequest(packet)) {
            refuse(packet, false, results);
            return;
        }
        try {
            JID conn = session.getConnectionId(packet.getStanzaTo());
            if (conn != null) {
                Packet copy = packet.copyElementOnly();
                copy.setPacketTo(conn);
                results.offer(copy);
            }
        } catch (Exception e) {
            LOG.log(Level.FINE, "no connection for " + packet.getStanzaTo(), e);
        }
    }

    @Override
    public void processNullSessionPacket(Packet packet, NonAuthUserRepository repo, Queue<Packet> results,
            Map<String, Object> settings) throws PacketErrorTypeException {
        refuse(packet, false, results);
    }

    @Override
    public void processServerSessionPacket(Packet packet, XMPPResourceConnection session, NonAuthUserRepository repo,
            Queue<Packet> results, Map<String, Object> settings) throws PacketErrorTypeException {
        refuse(packet, false, results);
    }

    /** One not-allowed answer to a request; results and errors are never answered. */
    private static void refuse(Packet packet, boolean loggedIn, Queue<Packet> results)
            throws PacketErrorTypeException {
        if (!isRequest(packet)) {
            return;
        }
        Request request = Request.FORM;
        if (packet.getType() == StanzaType.set) {
            Element query = packet.getElement().getChild("query", XMLNS);
            request = query != null && query.getChild("remove") != null ? Request.REMOVE : Request.SET;
        }
        results.offer(Authorization.NOT_ALLOWED.getResponseMessage(packet,
                InBandRegistration.refusal(request, loggedIn), true));
    }

    private static boolean isRequest(Packet packet) {
        return packet.getType() == StanzaType.get || packet.getType() == StanzaType.set;
    }
}
