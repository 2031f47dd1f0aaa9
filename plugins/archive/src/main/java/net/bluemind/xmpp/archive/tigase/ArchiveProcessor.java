package net.bluemind.xmpp.archive.tigase;

import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.archive.ArchiveConfig;
import net.bluemind.xmpp.archive.ArchiveEngine;
import net.bluemind.xmpp.archive.Jid;
import net.bluemind.xmpp.archive.capture.Direction;
import net.bluemind.xmpp.archive.capture.Stanza;
import net.bluemind.xmpp.archive.mam.MamAnswer;
import net.bluemind.xmpp.archive.mam.MamError;
import net.bluemind.xmpp.archive.mam.XmlElement;
import net.bluemind.xmpp.archive.room.RoomDirectory;
import net.bluemind.xmpp.archive.room.RoomDirectoryException;
import net.bluemind.xmpp.common.BmXmpp;
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
import tigase.xmpp.Authorization;
import tigase.xmpp.PacketErrorTypeException;
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
 * The archive in Tigase's session manager. As a pre-processor it sees every message once per pass and hands it
 * to the engine's capture (which only enqueues); an archived message gets a XEP-0359 {@code <stanza-id/>} before
 * any processor routes it. As a processor it answers XEP-0313 queries. Nothing here throws into Tigase: failures
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

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void initialize() {
        try {
            BmXmpp rt = BmXmpp.shared();
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
            Stanza stanza = MessageStanzas.of(packet, from);
            if ("groupchat".equals(stanza.type())) {
                captureGroupchat(e, packet, stanza, fromOwnConnection);
                return false;
            }
            String occupant = fromOwnConnection ? stanza.to() : stanza.from();
            if (Jid.resource(occupant) != null && rooms.hosts(occupant)) {
                capturePrivateInRoom(e, packet, stanza, occupant, fromOwnConnection);
                return false;
            }
            // the stanza-id names the recipient's archive, so only a local user recipient gets one (XEP-0359)
            String recipient = Jid.bare(stanza.to());
            boolean localRecipient = Jid.hasLocalPart(recipient) && isLocalDomain(Jid.domain(recipient))
                    && !"groupchat".equals(stanza.type());
            if (localRecipient && (fromOwnConnection || !isLocalDomain(Jid.domain(stanza.from())))) {
                MessageStanzas.stripForged(packet.getElement(), recipient); // a client or a remote server cannot set our ids
            }
            Optional<String> id = e.capture(stanza, direction);
            if (id.isPresent() && localRecipient) {
                MessageStanzas.addStanzaId(packet.getElement(), recipient, id.get());
            }
        } catch (Throwable t) {
            LOG.log(Level.WARNING, "archive capture failed; the message is delivered unarchived", t);
        }
        return false;
    }

    /**
     * A room message is archived once. To a room of ours, by the room itself ({@link ArchiveRoomHistory}, which
     * knows the nick and sees remote senders too); a client cannot set the room's ids. To another server's room, or
     * when tigase-muc runs without our history provider, here in the sender's session with {@code to} = the room. In a
     * cluster, a node that forwards room traffic to the rooms node leaves it to the room there.
     * The copies a room of ours reflects keep only our id (tigase-muc adds one of its own).
     */
    private void captureGroupchat(ArchiveEngine e, Packet packet, Stanza stanza, boolean fromOwnConnection) {
        if (fromOwnConnection) {
            String room = Jid.bare(stanza.to());
            if (room != null && rooms.servedByAnotherNode(room)) {
                MessageStanzas.stripForged(packet.getElement(), room); // the room, on its node, archives it
                return;
            }
            boolean ours = room != null && rooms.hosts(room);
            if (ours) {
                MessageStanzas.stripForged(packet.getElement(), room);
                if (RunningArchive.roomsArchiveThemselves()) {
                    return;
                }
            }
            Optional<String> id = e.capture(stanza, Direction.OUTGOING);
            if (id.isPresent() && ours) {
                MessageStanzas.addStanzaId(packet.getElement(), room, id.get());
            }
        } else {
            String room = Jid.bare(stanza.from());
            if (room != null && (rooms.hosts(room) || rooms.servedByAnotherNode(room))) {
                MessageStanzas.keepOnlyArchiveIds(packet.getElement(), room);
            }
        }
    }

    /**
     * A private message through a room of ours (XEP-0045 section 7.5) is, in a non-anonymous room, a chat between
     * the two users: archived once, in the sender's session, between their real bare JIDs (one document, both
     * owners when both are ours), and the copy delivered to a recipient of ours carries the XEP-0359 id of that
     * archive {@code by} the recipient; the copy is not archived again unless the sender is not ours (then it is
     * archived, and given its id, at delivery; ids claiming to be the recipient's are stripped). In a semi-anonymous room the real JID is not everyone's to know: archived for the sender only, to the room.
     */
    private void capturePrivateInRoom(ArchiveEngine e, Packet packet, Stanza s, String occupant, boolean fromOwnConnection)
            throws RoomDirectoryException {
        Optional<String> real = rooms.realJid(occupant);
        Element m = packet.getElement();
        if (fromOwnConnection) {
            if (real.isEmpty()) {
                e.capture(s, Direction.OUTGOING);
                return;
            }
            String peer = Jid.bare(real.get());
            boolean localPeer = isLocalDomain(Jid.domain(peer));
            if (localPeer) {
                MessageStanzas.stripForged(m, peer);
            }
            Optional<String> id = e.capture(withPeer(s, s.from(), real.get()), Direction.OUTGOING);
            if (id.isPresent() && localPeer) {
                MessageStanzas.addStanzaId(m, peer, id.get()); // the recipient's archive holds it: its id
            }
            return;
        }
        String recipient = Jid.bare(s.to());
        if (real.isPresent() && isLocalDomain(Jid.domain(real.get()))) {
            return; // archived in the sender's session, which set the id
        }
        MessageStanzas.stripForged(m, recipient);
        if (real.isPresent()) {
            e.capture(withPeer(s, real.get(), s.to()), Direction.INCOMING).ifPresent(id -> MessageStanzas.addStanzaId(m, recipient, id));
        }
    }

    private static Stanza withPeer(Stanza s, String from, String to) {
        return new Stanza(s.type(), from, to, s.id(), s.body(), s.thread(), s.carbon(), s.noStore());
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
        if (packet.getType() != StanzaType.set && packet.getType() != StanzaType.get) {
            return;
        }
        try {
            ArchiveEngine e = engine;
            if (e == null) {
                results.offer(Authorization.SERVICE_UNAVAILABLE.getResponseMessage(packet, "the archive is not running", true));
                return;
            }
            JID requester = packet.getStanzaFrom() != null ? packet.getStanzaFrom() : JID.jidInstanceNS(session.getBareJID());
            String iqTo = packet.getStanzaTo() == null ? null : packet.getStanzaTo().getBareJID().toString();
            XmlElement query = ElementTrees.toNeutral(packet.getElement().getChild("query", "urn:xmpp:mam:2"));
            MamAnswer a = e.mam().handle(requester.toString(), iqTo, packet.getType() == StanzaType.set, query);
            for (XmlElement m : a.messages()) {
                Element el = ElementTrees.toTigase(m);
                Packet p = Packet.packetInstance(el, JID.jidInstanceNS(el.getAttributeStaticStr("from")), requester);
                p.setPacketTo(connectionId);
                results.offer(p);
            }
            results.offer(packet.okResult(ElementTrees.toTigase(a.iqChild()), 0));
        } catch (MamError err) {
            offerError(packet, results, err);
        } catch (Throwable t) {
            LOG.log(Level.WARNING, "MAM query failed", t);
            offerError(packet, results, new MamError(MamError.Condition.INTERNAL_SERVER_ERROR, "archive query failed"));
        }
    }

    private void refuse(Packet packet, Queue<Packet> results) {
        if (packet.getType() == StanzaType.set || packet.getType() == StanzaType.get) {
            offerError(packet, results, new MamError(MamError.Condition.FORBIDDEN, "you may only query your own archive"));
        }
    }

    private static void offerError(Packet packet, Queue<Packet> results, MamError err) {
        Authorization a = switch (err.condition()) {
            case BAD_REQUEST -> Authorization.BAD_REQUEST;
            case FORBIDDEN -> Authorization.FORBIDDEN;
            case ITEM_NOT_FOUND -> Authorization.ITEM_NOT_FOUND;
            case FEATURE_NOT_IMPLEMENTED -> Authorization.FEATURE_NOT_IMPLEMENTED;
            case SERVICE_UNAVAILABLE -> Authorization.SERVICE_UNAVAILABLE;
            default -> Authorization.INTERNAL_SERVER_ERROR;
        };
        try {
            results.offer(a.getResponseMessage(packet, err.getMessage(), true));
        } catch (PacketErrorTypeException e) {
            LOG.fine(() -> "no error answer to an error packet: " + packet.getElemName());
        }
    }
}
