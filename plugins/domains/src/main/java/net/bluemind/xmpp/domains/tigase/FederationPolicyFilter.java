package net.bluemind.xmpp.domains.tigase;

import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.common.federation.FederationPolicy;
import net.bluemind.xmpp.common.federation.FederationPolicy.Outgoing;
import net.bluemind.xmpp.common.federation.FederationPolicy.Payload;
import net.bluemind.xmpp.common.federation.FederationPolicy.Stanza;
import tigase.kernel.beans.Bean;
import tigase.kernel.beans.Inject;
import tigase.server.Packet;
import tigase.server.PacketFilterIfc;
import tigase.server.QueueType;
import tigase.server.xmppsession.SessionManager;
import tigase.stats.StatisticsList;
import tigase.vhosts.VHostManagerIfc;
import tigase.xmpp.Authorization;
import tigase.xmpp.jid.JID;

/**
 * The federation policy for what leaves this server: a filter of the s2s component's incoming queue, where every
 * stanza bound for another server arrives from the router (users' chat, presence and requests from the session
 * manager, rooms' traffic from the MUC component, PEP notifications...). Enabled in init.properties with
 * {@code s2s/incomingFilters/bm-federation-policy/class}. A stanza for a refused domain is never sent, so no
 * connection to that server is opened; the local user who sent it gets the error {@link FederationPolicy#outgoing}
 * decides, handed to the session manager as the router would. Works with any s2s class (a filter, not a subclass).
 */
@Bean(name = "bm-federation-policy", active = true)
public class FederationPolicyFilter implements PacketFilterIfc {

    private static final Logger LOG = Logger.getLogger(FederationPolicyFilter.class.getName());
    private static final String MUC_NS = "http://jabber.org/protocol/muc";
    private static final String PUBSUB_EVENT_NS = "http://jabber.org/protocol/pubsub#event";

    @Inject(nullAllowed = true)
    private SessionManager sessionManager;
    @Inject(nullAllowed = true)
    private VHostManagerIfc vhostManager;

    private volatile boolean outgoingQueue = true;
    private volatile FederationPolicy policy;

    @Override
    public void init(String name, QueueType qType) {
        outgoingQueue = qType == QueueType.IN_QUEUE;
        if (!outgoingQueue) {
            LOG.warning(() -> "bm-federation-policy configured as an outgoing filter of " + name
                    + ": it does nothing there (configure it under s2s/incomingFilters)");
        }
    }

    @Override
    public Packet filter(Packet packet) {
        FederationPolicy p = policy();
        JID to = packet.getStanzaTo();
        if (!outgoingQueue || p.allowsEveryone() || to == null || vhostManager == null
                || vhostManager.isLocalDomainOrComponent(to.getDomain())) {
            return packet;
        }
        JID from = packet.getStanzaFrom();
        boolean fromLocalUser = from != null && from.getLocalpart() != null && vhostManager.isLocalDomain(from.getDomain());
        String type = packet.getType() == null ? null : packet.getType().name();
        Outgoing o = p.outgoing(to.getDomain(), Stanza.of(packet.getElemName(), type, payload(packet)), fromLocalUser);
        switch (o.action()) {
            case PASS:
                return packet;
            case BOUNCE:
                bounce(packet, o.text());
                return null;
            default:
                LOG.fine(() -> "federation policy: not sent to " + to.getDomain() + ": " + packet.getElemName() + " "
                        + type + " from " + from);
                return null;
        }
    }

    private static Payload payload(Packet packet) {
        if ("presence".equals(packet.getElemName()) && packet.getElement().getChild("x", MUC_NS) != null) {
            return Payload.ROOM_JOIN;
        }
        if ("message".equals(packet.getElemName()) && packet.getElement().getChild("event", PUBSUB_EVENT_NS) != null) {
            return Payload.PUBSUB_EVENT;
        }
        return Payload.NONE;
    }

    private void bounce(Packet packet, String text) {
        try {
            Packet error = Authorization.NOT_ALLOWED.getResponseMessage(packet, text, true);
            if (sessionManager == null || !sessionManager.addPacket(error)) {
                LOG.fine(() -> "federation policy: could not queue the error for " + packet.getStanzaFrom());
            } else {
                LOG.fine(() -> "federation policy: refused " + packet.getElemName() + " from " + packet.getStanzaFrom()
                        + " to " + packet.getStanzaTo());
            }
        } catch (Exception e) {
            LOG.log(Level.FINE, "federation policy: no error for " + packet.getStanzaFrom(), e);
        }
    }

    private FederationPolicy policy() {
        FederationPolicy p = policy;
        if (p == null) {
            p = FederationPolicies.load();
            policy = p;
        }
        return p;
    }

    @Override
    public void getStatistics(StatisticsList list) {
    }
}
