package net.bluemind.xmpp.archive.tigase;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.archive.ArchiveConfig;
import net.bluemind.xmpp.archive.ArchiveEngine;
import net.bluemind.xmpp.archive.capture.CaptureFacts;
import net.bluemind.xmpp.archive.capture.CapturePlan;
import net.bluemind.xmpp.archive.capture.CapturePlanner;
import net.bluemind.xmpp.archive.capture.Direction;
import net.bluemind.xmpp.archive.capture.RoomRoute;
import net.bluemind.xmpp.archive.capture.Stanza;
import net.bluemind.xmpp.archive.mam.MamError;
import net.bluemind.xmpp.archive.room.RoomDirectory;
import net.bluemind.xmpp.archive.room.RoomDirectoryException;
import net.bluemind.xmpp.common.BmXmpp;
import net.bluemind.xmpp.common.federation.FederationPolicy;
import net.bluemind.xmpp.common.settings.FederationMode;
import tigase.db.NonAuthUserRepository;
import tigase.kernel.beans.Bean;
import tigase.kernel.beans.Initializable;
import tigase.kernel.beans.Inject;
import tigase.kernel.beans.UnregisterAware;
import tigase.kernel.core.Kernel;
import tigase.server.Packet;
import tigase.server.xmppsession.SessionManager;
import tigase.vhosts.VHostManagerIfc;
import tigase.xml.Element;
import tigase.xmpp.NotAuthorizedException;
import tigase.xmpp.StanzaType;
import tigase.xmpp.XMPPPreprocessorIfc;
import tigase.xmpp.XMPPProcessorAbstract;
import tigase.xmpp.XMPPResourceConnection;
import tigase.xmpp.impl.annotation.DiscoFeatures;
import tigase.xmpp.impl.annotation.Handle;
import tigase.xmpp.impl.annotation.Handles;
import tigase.xmpp.impl.annotation.Id;
import tigase.xmpp.jid.JID;

/**
 * The archive in Tigase's session manager. As a pre-processor it sees every message once per pass, gathers the
 * facts of its route ({@link CaptureFacts}), and applies what the engine plans for it ({@link CapturePlanner}): ids
 * removed, the message captured (which only enqueues), a XEP-0359 {@code <stanza-id/>} added before any processor
 * routes it. As a processor it answers XEP-0313 queries. Nothing here throws into Tigase: failures
 * are logged and answered with an XMPP error; if the archive cannot start, messages flow unarchived.
 */
@Bean(name = ArchiveProcessor.ID, parent = SessionManager.class, active = true)
@Id(ArchiveProcessor.ID)
@Handles({@Handle(path = {"iq", "query"}, xmlns = "urn:xmpp:mam:2")})
@DiscoFeatures({"urn:xmpp:mam:2", "urn:xmpp:fulltext:0", "urn:xmpp:sid:0"})
public class ArchiveProcessor extends XMPPProcessorAbstract implements XMPPPreprocessorIfc, Initializable, UnregisterAware {

    static final String ID = "bm-archive";
    private static final Logger LOG = Logger.getLogger(ArchiveProcessor.class.getName());

    @Inject(nullAllowed = true)
    private VHostManagerIfc vHostManager;

    /** The session manager's kernel: the way to tigase-muc's rooms, when it runs (see {@link MucRoomDirectory}). */
    @Inject(bean = "kernel", nullAllowed = true)
    private Kernel kernel;

    private volatile RoomDirectory rooms = RoomDirectory.NONE;

    private volatile ArchiveEngine engine;

    /** Who this server federates with: a message the s2s policy will bounce is not archived as sent. */
    private volatile FederationPolicy federation = FederationPolicy.of(FederationMode.ON, List.of());

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void initialize() {
        try {
            BmXmpp rt = BmXmpp.shared();
            federation = FederationPolicy.from(rt.settings());
            if (kernel != null) {
                rooms = new MucRoomDirectory(kernel, this::isLocalDomain);
            }
            engine = new ArchiveEngine(ArchiveConfig.from(rt.settings()), rt.core(), rt.bus(), rt.scheduler(),
                    this::isLocalDomain, System::currentTimeMillis, rooms);
            RunningArchive.started(engine);
        } catch (Throwable t) {
            LOG.log(Level.SEVERE, "bm-xmpp archive NOT started, messages are not archived: " + t.getMessage(), t);
        }
    }

    @Override
    public void beforeUnregister() {
        ArchiveEngine e = engine;
        engine = null;
        if (e != null) {
            RunningArchive.stopped(e);
            e.close();
        }
    }

    private boolean isLocalDomain(String domain) {
        VHostManagerIfc v = vHostManager;
        return v != null && domain != null && v.isLocalDomain(domain);
    }

    // --- capture ----------------------------------------------------------------------------

    @Override
    public boolean preProcess(Packet packet, XMPPResourceConnection session, NonAuthUserRepository repo,
            Queue<Packet> results, Map<String, Object> settings) {
        ArchiveEngine e = engine;
        if (e == null || !"message".equals(packet.getElemName())) {
            return false;
        }
        try {
            boolean fromOwnConnection = session != null && session.isAuthorized() && packet.getPacketFrom() != null
                    && packet.getPacketFrom().equals(session.getConnectionId());
            Direction direction = fromOwnConnection ? Direction.OUTGOING : Direction.INCOMING;
            JID from = packet.getStanzaFrom();
            if (fromOwnConnection && from == null) {
                from = JID.jidInstanceNS(session.getBareJID());
            }
            apply(e, packet.getElement(), CapturePlanner.plan(facts(MessageStanzas.of(packet, from), direction)));
        } catch (Throwable t) {
            LOG.log(Level.WARNING, "archive capture failed; the message is delivered unarchived", t);
        }
        return false;
    }

    /** What the engine decides on: the room service behind the other end, and the real JID behind a room occupant. */
    private CaptureFacts facts(Stanza stanza, Direction direction) throws RoomDirectoryException {
        RoomDirectory r = rooms;
        String counterpart = CaptureFacts.counterpart(stanza, direction);
        RoomRoute route = r.servedByAnotherNode(counterpart) ? RoomRoute.OTHER_NODE
                : r.hosts(counterpart) ? RoomRoute.HERE : RoomRoute.ELSEWHERE;
        String occupant = CaptureFacts.isPrivateThroughRoom(stanza, direction, route)
                ? r.realJid(counterpart).orElse(null) : null;
        return CaptureFacts.of(stanza, direction, route, RunningArchive.roomsArchiveThemselves(), occupant,
                this::isLocalDomain, federation::allows);
    }

    /** Ids removed first, then the message archived, and its archive id added before any processor routes it. */
    private static void apply(ArchiveEngine e, Element m, CapturePlan plan) {
        if (plan.stripIdsBy() != null) {
            MessageStanzas.stripForged(m, plan.stripIdsBy());
        }
        if (plan.keepOnlyArchiveIdsBy() != null) {
            MessageStanzas.keepOnlyArchiveIds(m, plan.keepOnlyArchiveIdsBy());
        }
        if (plan.archive() != null) {
            Optional<String> id = e.capture(plan.archive());
            if (id.isPresent() && plan.stampBy() != null) {
                MessageStanzas.addStanzaId(m, plan.stampBy(), id.get());
            }
        }
    }

    // --- MAM --------------------------------------------------------------------------------

    @Override
    public void processFromUserToServerPacket(JID connectionId, Packet packet, XMPPResourceConnection session,
            NonAuthUserRepository repo, Queue<Packet> results, Map<String, Object> settings) {
        answer(connectionId, packet, session, results);
    }

    @Override
    public void processFromUserOutPacket(JID connectionId, Packet packet, XMPPResourceConnection session,
            NonAuthUserRepository repo, Queue<Packet> results, Map<String, Object> settings) {
        answer(connectionId, packet, session, results);
    }

    @Override
    public void processServerSessionPacket(Packet packet, XMPPResourceConnection session, NonAuthUserRepository repo,
            Queue<Packet> results, Map<String, Object> settings) {
        refuse(packet, results);
    }

    @Override
    public void processToUserPacket(Packet packet, XMPPResourceConnection session, NonAuthUserRepository repo,
            Queue<Packet> results, Map<String, Object> settings) {
        refuse(packet, results); // someone else's query of a local user's archive
    }

    @Override
    public void processNullSessionPacket(Packet packet, NonAuthUserRepository repo, Queue<Packet> results,
            Map<String, Object> settings) {
        refuse(packet, results);
    }

    private void answer(JID connectionId, Packet packet, XMPPResourceConnection session, Queue<Packet> results) {
        JID requester;
        try {
            requester = packet.getStanzaFrom() != null ? packet.getStanzaFrom() : JID.jidInstanceNS(session.getBareJID());
        } catch (NotAuthorizedException e) {
            refuse(packet, results);
            return;
        }
        for (Packet reply : MamReplies.answer(engine, packet, requester)) {
            if ("message".equals(reply.getElemName())) {
                reply.setPacketTo(connectionId);
            }
            results.offer(reply);
        }
    }

    private void refuse(Packet packet, Queue<Packet> results) {
        if (packet.getType() == StanzaType.set || packet.getType() == StanzaType.get) {
            MamReplies.addError(results, packet, new MamError(MamError.Condition.FORBIDDEN, "you may only query your own archive"));
        }
    }
}
