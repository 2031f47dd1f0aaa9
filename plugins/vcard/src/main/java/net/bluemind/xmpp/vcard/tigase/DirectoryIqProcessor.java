package net.bluemind.xmpp.vcard.tigase;

import java.util.Map;
import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.vcard.Reply;
import net.bluemind.xmpp.vcard.Requester;
import tigase.db.NonAuthUserRepository;
import tigase.db.UserRepository;
import tigase.kernel.beans.Inject;
import tigase.server.Packet;
import tigase.vhosts.VHostManagerIfc;
import tigase.xmpp.Authorization;
import tigase.xmpp.PacketErrorTypeException;
import tigase.xmpp.StanzaType;
import tigase.xmpp.XMPPProcessorAbstract;
import tigase.xmpp.XMPPResourceConnection;
import tigase.xmpp.jid.BareJID;
import tigase.xmpp.jid.JID;

/**
 * The Tigase routing shared by the vcard-temp and vCard4 beans: works out whose card an IQ asks for and
 * where the answer goes, asks the engine ({@link #decide}), and never lets an exception reach Tigase.
 * IQs to users of domains this server does not host are forwarded untouched, as Tigase does. A request from the
 * requester's own session is a local user's; one reaching the card's owner from elsewhere (another server, a room)
 * is classified by {@link Requesters}, and the engine shows it what {@link net.bluemind.xmpp.vcard.CardPolicy}
 * allows.
 */
abstract class DirectoryIqProcessor extends XMPPProcessorAbstract {

    private static final Logger LOG = Logger.getLogger(DirectoryIqProcessor.class.getName());

    @Inject(nullAllowed = true)
    private VHostManagerIfc vHostManager;
    @Inject(nullAllowed = true)
    private UserRepository userRepository;

    /** Whether Tigase hosts this domain (a BlueMind domain or alias); false while the vhost manager is missing. */
    protected final boolean hostsDomain(String domain) {
        VHostManagerIfc v = vHostManager;
        return v != null && domain != null && v.isLocalDomain(domain);
    }

    /** Who asks: hosted domains from Tigase's virtual hosts, subscriptions from the owner's stored roster. */
    protected final Requesters requesters = new Requesters(() -> vHostManager, () -> userRepository);

    /**
     * The engine's answer for {@code packet} about the bare JID {@code target} to {@code requester}, or null when
     * this IQ is not one this bean answers.
     */
    protected abstract Reply decide(Packet packet, String target, Requester requester);

    @Override
    public void processFromUserToServerPacket(JID connectionId, Packet packet, XMPPResourceConnection session,
            NonAuthUserRepository repo, Queue<Packet> results, Map<String, Object> settings) {
        guarded(packet, results, () -> {
            String target = packet.getStanzaTo() == null ? session.getBareJID().toString()
                    : packet.getStanzaTo().getBareJID().toString();
            handle(packet, target, Requester.LOCAL_USER, connectionId, results);
        });
    }

    @Override
    public void processFromUserOutPacket(JID connectionId, Packet packet, XMPPResourceConnection session,
            NonAuthUserRepository repo, Queue<Packet> results, Map<String, Object> settings) {
        guarded(packet, results, () -> {
            if (!session.isLocalDomain(packet.getStanzaTo().getDomain(), false)) {
                results.offer(packet.copyElementOnly()); // a remote user: route it
                return;
            }
            handle(packet, packet.getStanzaTo().getBareJID().toString(), Requester.LOCAL_USER, connectionId, results);
        });
    }

    @Override
    public void processNullSessionPacket(Packet packet, NonAuthUserRepository repo, Queue<Packet> results,
            Map<String, Object> settings) {
        guarded(packet, results, () -> {
            if (isRequest(packet) && packet.getStanzaTo() != null) {
                handleForOwner(packet, results);
            }
        });
    }

    @Override
    public void processToUserPacket(Packet packet, XMPPResourceConnection session, NonAuthUserRepository repo,
            Queue<Packet> results, Map<String, Object> settings) {
        guarded(packet, results, () -> {
            if (isRequest(packet)) {
                handleForOwner(packet, results);
            } else if (session != null && session.isAuthorized()) {
                // an answer from elsewhere to one of our user's requests: hand it to that connection
                JID conn = session.getConnectionId(packet.getStanzaTo());
                if (conn != null) {
                    Packet copy = packet.copyElementOnly();
                    copy.setPacketTo(conn);
                    results.offer(copy);
                }
            }
        });
    }

    @Override
    public void processServerSessionPacket(Packet packet, XMPPResourceConnection session, NonAuthUserRepository repo,
            Queue<Packet> results, Map<String, Object> settings) {
        guarded(packet, results, () -> {
            if (isRequest(packet) && packet.getStanzaTo() != null) {
                handleForOwner(packet, results);
            }
        });
    }

    /** A request that reached the card's owner from elsewhere: answered as far as its sender may see. */
    private void handleForOwner(Packet packet, Queue<Packet> results) throws Exception {
        BareJID owner = packet.getStanzaTo().getBareJID();
        handle(packet, owner.toString(), requesters.of(packet.getStanzaFrom(), owner), null, results);
    }

    private void handle(Packet packet, String target, Requester requester, JID deliverTo, Queue<Packet> results)
            throws Exception {
        Reply reply = decide(packet, target, requester);
        if (reply == null) {
            return; // not an IQ this bean answers
        }
        if (!VCardStanzas.answer(packet, reply, deliverTo, results)) {
            // Tigase says the domain is local but BlueMind does not know it: nobody to describe
            VCardStanzas.answer(packet, new Reply.Error(Reply.Condition.ITEM_NOT_FOUND, "no such user"), deliverTo,
                    results);
        }
    }

    private static boolean isRequest(Packet packet) {
        return packet.getType() == StanzaType.get || packet.getType() == StanzaType.set;
    }

    private interface Step {
        void run() throws Exception;
    }

    /** The adapter boundary: whatever goes wrong is logged and answered, never thrown into Tigase. */
    private void guarded(Packet packet, Queue<Packet> results, Step step) {
        try {
            step.run();
        } catch (PacketErrorTypeException e) {
            LOG.fine(() -> "not answering an error stanza: " + packet);
        } catch (Exception | LinkageError e) {
            LOG.log(Level.WARNING, "vcard plugin failed on " + packet.getElemName() + " " + packet.getStanzaId(), e);
            try {
                if (isRequest(packet)) {
                    results.offer(Authorization.INTERNAL_SERVER_ERROR.getResponseMessage(packet,
                            "internal error of the BlueMind vCard service", true));
                }
            } catch (Exception ignored) {
                // an error to an error: drop
            }
        }
    }
}
