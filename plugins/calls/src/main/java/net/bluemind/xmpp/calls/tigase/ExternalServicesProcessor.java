package net.bluemind.xmpp.calls.tigase;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.calls.CallsConfig;
import net.bluemind.xmpp.calls.ExternalService;
import net.bluemind.xmpp.calls.ExternalServices;
import net.bluemind.xmpp.calls.ExtdiscoError;
import net.bluemind.xmpp.calls.ExtdiscoException;
import net.bluemind.xmpp.calls.SecretFile;
import net.bluemind.xmpp.common.BmXmpp;
import tigase.db.NonAuthUserRepository;
import tigase.kernel.beans.Bean;
import tigase.kernel.beans.Initializable;
import tigase.server.Packet;
import tigase.server.xmppsession.SessionManager;
import tigase.xml.Element;
import tigase.xmpp.Authorization;
import tigase.xmpp.NotAuthorizedException;
import tigase.xmpp.PacketErrorTypeException;
import tigase.xmpp.StanzaType;
import tigase.xmpp.XMPPProcessorAbstract;
import tigase.xmpp.XMPPResourceConnection;
import tigase.xmpp.impl.annotation.Handle;
import tigase.xmpp.impl.annotation.Handles;
import tigase.xmpp.impl.annotation.Id;
import tigase.xmpp.jid.JID;

/**
 * Tigase's {@code urn:xmpp:extdisco:2} bean replaced (init.properties {@code sess-man/urn\:xmpp\:extdisco\:2/class}):
 * Tigase's own forwards every request to an {@code ext-disco} component that is off by default and holds static
 * passwords. This one answers a user's {@code services} and {@code credentials} requests to their server from
 * the engine ({@link ExternalServices}), exactly once each: services with per-request TURN credentials, or an
 * error ({@link ExtdiscoError}). The feature is in the server's disco#info only when {@code turn-hosts} is set.
 * Requests from other servers' users are refused ({@code forbidden}); requests to other entities are routed
 * untouched.
 */
@Id(ExternalServicesProcessor.XMLNS)
@Handles({@Handle(path = {"iq", "services"}, xmlns = ExternalServicesProcessor.XMLNS),
        @Handle(path = {"iq", "credentials"}, xmlns = ExternalServicesProcessor.XMLNS)})
@Bean(name = ExternalServicesProcessor.XMLNS, parent = SessionManager.class, active = true)
public class ExternalServicesProcessor extends XMPPProcessorAbstract implements Initializable {

    static final String XMLNS = "urn:xmpp:extdisco:2";
    private static final Logger LOG = Logger.getLogger(ExternalServicesProcessor.class.getName());
    private static final Element[] FEATURES = {feature()};

    private volatile ExternalServices engine;

    @Override
    public String id() {
        return XMLNS;
    }

    @Override
    public void initialize() {
        try {
            CallsConfig config = CallsConfig.from(BmXmpp.shared().settings());
            engine = new ExternalServices(config, new SecretFile(config.secretFile()), Instant::now);
            if (config.enabled()) {
                LOG.info("bm-xmpp calls: offering STUN/TURN at " + config.hosts() + " port " + config.port() + " "
                        + config.transports() + ", TURN credentials valid " + config.ttl() + ", secret from "
                        + config.secretFile());
            } else {
                LOG.config("bm-xmpp calls: no turn-hosts, no external services offered");
            }
        } catch (Throwable t) {
            LOG.log(Level.SEVERE, "bm-xmpp calls NOT started, external services answer service-unavailable: "
                    + t.getMessage(), t);
        }
    }

    @Override
    public Element[] supDiscoFeatures(XMPPResourceConnection session) {
        ExternalServices e = engine;
        return e != null && e.advertised() ? FEATURES : null;
    }

    @Override
    public void processFromUserToServerPacket(JID connectionId, Packet packet, XMPPResourceConnection session,
            NonAuthUserRepository repo, Queue<Packet> results, Map<String, Object> settings)
            throws PacketErrorTypeException {
        if (!isRequest(packet)) {
            return;
        }
        try {
            if (packet.getStanzaTo() != null && packet.getStanzaTo().getLocalpart() != null) {
                throw new ExtdiscoException(ExtdiscoError.SERVICE_UNAVAILABLE, "external services are asked of the server");
            }
            if (packet.getType() != StanzaType.get) {
                throw new ExtdiscoException(ExtdiscoError.BAD_REQUEST, "external services are asked with type 'get'");
            }
            ExternalServices e = engine;
            if (e == null) {
                throw new ExtdiscoException(ExtdiscoError.SERVICE_UNAVAILABLE, "external services did not start");
            }
            results.offer(packet.okResult(answer(e, packet.getElement(), session.getBareJID().toString()), 0));
        } catch (ExtdiscoException ex) {
            LOG.log(Level.FINE, "external services request answered {0}: {1}", new Object[] {ex.error(), ex.getMessage()});
            results.offer(condition(ex.error()).getResponseMessage(packet, ex.getMessage(), true));
        } catch (NotAuthorizedException ex) {
            results.offer(Authorization.FORBIDDEN.getResponseMessage(packet, "log in first", true));
        }
    }

    private static Element answer(ExternalServices e, Element iq, String user) throws ExtdiscoException {
        Element services = iq.getChild("services", XMLNS);
        if (services != null) {
            return ServicesXml.render("services", e.services(user, services.getAttributeStaticStr("type")));
        }
        Element credentials = iq.getChild("credentials", XMLNS);
        Element service = credentials == null ? null : credentials.getChild("service");
        if (service == null) {
            throw new ExtdiscoException(ExtdiscoError.BAD_REQUEST, "a credentials request names one service");
        }
        List<ExternalService> found = e.credentials(user, service.getAttributeStaticStr("host"),
                service.getAttributeStaticStr("type"));
        return ServicesXml.render("credentials", found);
    }

    @Override
    public void processFromUserOutPacket(JID connectionId, Packet packet, XMPPResourceConnection session,
            NonAuthUserRepository repo, Queue<Packet> results, Map<String, Object> settings) {
        results.offer(packet.copyElementOnly()); // another entity's services (a remote server, a component)
    }

    @Override
    public void processServerSessionPacket(Packet packet, XMPPResourceConnection session, NonAuthUserRepository repo,
            Queue<Packet> results, Map<String, Object> settings) throws PacketErrorTypeException {
        refuseStranger(packet, results);
    }

    @Override
    public void processNullSessionPacket(Packet packet, NonAuthUserRepository repo, Queue<Packet> results,
            Map<String, Object> settings) throws PacketErrorTypeException {
        refuseStranger(packet, results);
    }

    /** A request that did not come from a user's own connection (another server's user): never credentials. */
    private static void refuseStranger(Packet packet, Queue<Packet> results) throws PacketErrorTypeException {
        if (isRequest(packet)) {
            results.offer(Authorization.FORBIDDEN.getResponseMessage(packet,
                    "external services are offered to this server's users only", true));
        }
    }

    private static Authorization condition(ExtdiscoError error) {
        return switch (error) {
            case BAD_REQUEST -> Authorization.BAD_REQUEST;
            case ITEM_NOT_FOUND -> Authorization.ITEM_NOT_FOUND;
            case SERVICE_UNAVAILABLE -> Authorization.SERVICE_UNAVAILABLE;
        };
    }

    private static boolean isRequest(Packet packet) {
        return packet.getType() == StanzaType.get || packet.getType() == StanzaType.set;
    }

    private static Element feature() {
        Element f = new Element("feature");
        f.setAttribute("var", XMLNS);
        return f;
    }
}
