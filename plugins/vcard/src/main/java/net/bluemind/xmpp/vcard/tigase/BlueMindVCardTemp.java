package net.bluemind.xmpp.vcard.tigase;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.vcard.AvatarListener;
import net.bluemind.xmpp.vcard.CardListener;
import net.bluemind.xmpp.vcard.Reply;
import net.bluemind.xmpp.vcard.Requester;
import net.bluemind.xmpp.vcard.VCardRequests;
import net.bluemind.xmpp.vcard.render.AvatarRenderer;
import tigase.component.PacketWriter;
import tigase.db.NonAuthUserRepository;
import tigase.kernel.beans.Bean;
import tigase.kernel.beans.Initializable;
import tigase.kernel.beans.Inject;
import tigase.kernel.beans.UnregisterAware;
import tigase.server.Packet;
import tigase.server.xmppsession.SessionManager;
import tigase.xml.Element;
import tigase.xmpp.Authorization;
import tigase.xmpp.StanzaType;
import tigase.xmpp.XMPPPacketFilterIfc;
import tigase.xmpp.XMPPPreprocessorIfc;
import tigase.xmpp.XMPPResourceConnection;
import tigase.xmpp.XMPPStopListenerIfc;
import tigase.xmpp.impl.PresenceState;
import tigase.xmpp.impl.annotation.DiscoFeatures;
import tigase.xmpp.impl.annotation.Handle;
import tigase.xmpp.impl.annotation.Handles;
import tigase.xmpp.impl.annotation.Id;
import tigase.xmpp.jid.BareJID;

/**
 * Replaces Tigase's {@code vcard-temp} bean (same bean name): XEP-0054 vCards from the BlueMind address
 * book (set refused), the XEP-0153 photo hash in the user's presence, the directory nodes of every local
 * account's PEP service (XEP-0084 avatar, XEP-0292 vCard4, XEP-0172 nick: items get, notifications, publishing
 * refused) claimed before any processor sees them ({@link PepGate}), every other PEP node left to tigase-pubsub
 * when it is deployed, and directory names for roster items added without one. Not a subclass of Tigase's VCardTemp: that
 * class stores vCards in Tigase's user repository and would bridge PEP publications into it; here both
 * vCards and avatars are read-only views of the directory, so there is nothing to bridge.
 */
@Id(BlueMindVCardTemp.XMLNS)
@Handles({@Handle(path = {"iq", "vCard"}, xmlns = BlueMindVCardTemp.XMLNS),
        @Handle(path = {"iq", "VCARD"}, xmlns = BlueMindVCardTemp.XMLNS)})
@DiscoFeatures({BlueMindVCardTemp.XMLNS, BlueMindVCardTemp.PEP_VCARD_CONVERSION})
@Bean(name = "vcard-temp", parent = SessionManager.class, active = true)
public class BlueMindVCardTemp extends DirectoryIqProcessor implements PresenceState.ExtendedPresenceProcessorIfc,
        XMPPPacketFilterIfc, XMPPPreprocessorIfc, XMPPStopListenerIfc, Initializable, UnregisterAware {

    static final String XMLNS = "vcard-temp";
    /**
     * XEP-0398: the account's vcard-temp photo and its XEP-0084 avatar are one and the same directory photo (both
     * read-only views of it), which is what this feature promises; Tigase lists sess-man's disco features in the
     * account's own disco#info (and the server's).
     */
    static final String PEP_VCARD_CONVERSION = "urn:xmpp:pep-vcard-conversion:0";
    /** tigase-pubsub's session-manager processor: forwards PEP requests to the pubsub component. */
    static final String PEP_PROCESSOR = "pep";
    private static final Logger LOG = Logger.getLogger(BlueMindVCardTemp.class.getName());

    @Inject(nullAllowed = true)
    private PresenceState presenceState;
    @Inject(nullAllowed = true)
    private PacketWriter writer;
    @Inject(nullAllowed = true)
    private SessionManager sessionManager;
    private volatile Boolean pepSeen;

    private volatile VCardRuntime runtime;
    private volatile AvatarPusher pusher;
    private final AvatarListener onAvatarChange = (jid, photo) -> {
        AvatarPusher p = pusher;
        if (p != null) {
            p.avatarChanged(jid, photo, presenceState, writer);
        }
    };
    private final CardListener onCardChange = (jid, contact) -> {
        AvatarPusher p = pusher;
        if (p != null) {
            p.cardChanged(jid, contact, presenceState, writer);
        }
    };

    @Override
    public void initialize() {
        runtime();
    }

    @Override
    public void beforeUnregister() {
        VCardRuntime r = runtime;
        if (r != null) {
            r.service.removeListener(onAvatarChange);
            r.service.removeCardListener(onCardChange);
        }
    }

    /** The engine, built on first use; null (logged) while the bm-xmpp runtime cannot be created. */
    private VCardRuntime runtime() {
        VCardRuntime r = runtime;
        if (r == null) {
            synchronized (this) {
                if (runtime == null) {
                    try {
                        VCardRuntime created = VCardRuntime.get();
                        pusher = new AvatarPusher(created.requests, requesters);
                        created.service.addListener(onAvatarChange);
                        created.service.addCardListener(onCardChange);
                        created.addresses.hostedDomains(this::hostsDomain);
                        runtime = created;
                    } catch (RuntimeException | LinkageError e) {
                        LOG.log(Level.SEVERE, "vcard plugin cannot start its engine", e);
                    }
                }
                r = runtime;
            }
        }
        return r;
    }

    @Override
    protected Reply decide(Packet packet, String target, Requester requester) {
        VCardRuntime r = runtime();
        if (r == null) {
            return new Reply.Error(Reply.Condition.INTERNAL_SERVER_ERROR, "the BlueMind vCard service is not running");
        }
        VCardRequests requests = r.requests;
        Element iq = packet.getElement();
        if (iq.getChild("vCard", XMLNS) != null || iq.getChild("VCARD", XMLNS) != null) {
            return packet.getType() == StanzaType.set ? requests.set() : requests.vcardTemp(target, requester);
        }
        return null;
    }

    // --- PEP: directory nodes claimed before Tigase's processors; roster names -------------

    /**
     * Whether a PEP service is deployed: tigase-pubsub's {@code pep} processor is loaded in this session manager
     * (it switches itself on when its jar is on the classpath). Read from the loaded processors, so it is what
     * the running server really has; a change is logged once.
     */
    boolean pepServiceDeployed() {
        SessionManager sm = sessionManager;
        boolean deployed = sm != null && sm.getProcessors().containsKey(PEP_PROCESSOR);
        Boolean before = pepSeen;
        if (before == null || before != deployed) {
            pepSeen = deployed;
            LOG.info(deployed ? "PEP service (tigase-pubsub) deployed: the directory nodes (avatar, vCard4, nick) are "
                    + "served by bm-xmpp, every other PEP node by it"
                    : "no PEP service deployed: bm-xmpp serves the directory nodes (avatar, vCard4, nick) and "
                    + "answers other PEP requests service-unavailable");
        }
        return deployed;
    }

    @Override
    public boolean preProcess(Packet packet, XMPPResourceConnection session, NonAuthUserRepository repo,
            Queue<Packet> results, Map<String, Object> settings) {
        try {
            VCardRuntime r = runtime();
            if (r == null) {
                return false;
            }
            if (AddressGate.check(packet, session, r.addresses, results)) {
                return true; // to an address that is not a user's JID: answered (or readdressed) there
            }
            if (!"iq".equals(packet.getElemName())) {
                return false;
            }
            PepGate.Claim claim = PepGate.claim(packet, session, pepServiceDeployed());
            if (claim == null) {
                RosterNames.fill(packet, session, r.requests);
                return false;
            }
            packet.processedBy(id()); // answered here: Tigase adds no error of its own
            PacketWriter w = writer;
            if (w == null) {
                answerPep(r, packet, claim, results);
            } else {
                r.pepAnswers.execute(() -> {
                    Queue<Packet> out = new ArrayDeque<>(1);
                    answerPep(r, packet, claim, out);
                    w.write(out);
                });
            }
            return true;
        } catch (Exception | LinkageError e) {
            LOG.log(Level.WARNING, "vcard plugin could not look at " + packet.getElemName() + " " + packet.getStanzaId(), e);
            return false;
        }
    }

    /** On the PEP pool (the owner's roster may be read): a request from elsewhere gets what its sender may see. */
    private void answerPep(VCardRuntime r, Packet packet, PepGate.Claim claim, Queue<Packet> out) {
        try {
            Requester requester = claim.deliverTo() != null ? Requester.LOCAL_USER
                    : requesters.of(packet.getStanzaFrom(), BareJID.bareJIDInstanceNS(claim.request().target()));
            VCardStanzas.answer(packet, r.pep.answer(claim.request(), requester), claim.deliverTo(), out);
        } catch (Exception | LinkageError e) {
            LOG.log(Level.WARNING, "vcard plugin failed on PEP request " + packet.getStanzaId(), e);
            try {
                VCardStanzas.answer(packet, new Reply.Error(Reply.Condition.INTERNAL_SERVER_ERROR,
                        "internal error of the BlueMind vCard service"), claim.deliverTo(), out);
            } catch (Exception ignored) {
                // an error to an error: drop
            }
        }
    }

    // --- XEP-0153: the photo hash in outgoing presence -------------------------------------

    @Override
    public Element extend(Element presence, XMPPResourceConnection session, Queue<Packet> results) {
        try {
            VCardRuntime r = runtime();
            if (r == null || session == null || !session.isAuthorized()) {
                return null;
            }
            Element clientUpdate = presence.getChild("x", AvatarRenderer.UPDATE_XMLNS);
            if (clientUpdate != null) {
                presence.removeChild(clientUpdate); // the directory photo is the avatar, whatever the client says
            }
            String user = session.getBareJID().toString();
            pusher.presenceStamped(user, session);
            return ElementConverter.toElement(r.requests.presenceUpdate(user));
        } catch (Exception | LinkageError e) {
            LOG.log(Level.WARNING, "could not add the photo hash to a presence", e);
            return null;
        }
    }

    @Override
    public Element extend(XMPPResourceConnection session, Queue<Packet> results) {
        return extend(new Element("presence"), session, results);
    }

    // --- out filter: muc#user first in room presences (RoomPresences); current XEP-0153 hash in presence re-sent
    //     from Tigase's stored copy (PresenceStamps); directory names in the roster pushes of items Tigase created
    //     itself (RosterNames); XEP-0084 metadata notifications follow available presence to contacts ------------

    @Override
    public void filter(Packet packet, XMPPResourceConnection session, NonAuthUserRepository repo,
            Queue<Packet> results) {
        if (results == null || results.isEmpty()) {
            return;
        }
        try {
            RoomPresences.order(results);
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "could not put muc#user first in a room presence", e);
        }
        AvatarPusher p = pusher;
        VCardRuntime r = runtime;
        if (p == null || r == null) {
            return;
        }
        try {
            PresenceStamps.refresh(session, results, r.requests);
        } catch (Exception | LinkageError e) {
            LOG.log(Level.FINE, "could not re-stamp the photo hash of a presence", e);
        }
        try {
            RosterNames.fillPushes(session, results, r.requests);
        } catch (Exception | LinkageError e) {
            LOG.log(Level.FINE, "could not give a roster push the directory name", e);
        }
        try {
            p.addNotices(session, results);
        } catch (Exception | LinkageError e) {
            LOG.log(Level.FINE, "could not add avatar notifications", e);
        }
    }

    @Override
    public void stopped(XMPPResourceConnection session, Queue<Packet> results, Map<String, Object> settings) {
        AvatarPusher p = pusher;
        VCardRuntime r = runtime;
        if (p == null || r == null || session == null) {
            return;
        }
        try {
            String user = session.getBareJID().toString();
            if (p.sessionStopped(user, session)) {
                r.service.presenceGone(user);
            }
        } catch (Exception e) {
            LOG.log(Level.FINEST, "session stopped before authentication", e);
        }
    }
}
