package net.bluemind.xmpp.vcard.tigase;

import java.util.Map;
import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.vcard.AvatarListener;
import net.bluemind.xmpp.vcard.Reply;
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
import tigase.xmpp.PacketErrorTypeException;
import tigase.xmpp.StanzaType;
import tigase.xmpp.XMPPPacketFilterIfc;
import tigase.xmpp.XMPPResourceConnection;
import tigase.xmpp.XMPPStopListenerIfc;
import tigase.xmpp.impl.PresenceState;
import tigase.xmpp.impl.annotation.DiscoFeatures;
import tigase.xmpp.impl.annotation.Handle;
import tigase.xmpp.impl.annotation.Handles;
import tigase.xmpp.impl.annotation.Id;
import tigase.xmpp.jid.JID;

/**
 * Replaces Tigase's {@code vcard-temp} bean (same bean name): XEP-0054 vCards from the BlueMind address
 * book (set refused), the XEP-0153 photo hash in the user's presence, and the XEP-0084 avatar nodes of every
 * local user's PEP service (items get, metadata notifications). Not a subclass of Tigase's VCardTemp: that
 * class stores vCards in Tigase's user repository and would bridge PEP publications into it; here both
 * vCards and avatars are read-only views of the directory, so there is nothing to bridge.
 */
@Id(BlueMindVCardTemp.XMLNS)
@Handles({@Handle(path = {"iq", "vCard"}, xmlns = BlueMindVCardTemp.XMLNS),
        @Handle(path = {"iq", "VCARD"}, xmlns = BlueMindVCardTemp.XMLNS),
        @Handle(path = {"iq", "pubsub"}, xmlns = AvatarRenderer.PUBSUB_XMLNS)})
@DiscoFeatures({BlueMindVCardTemp.XMLNS})
@Bean(name = "vcard-temp", parent = SessionManager.class, active = true)
public class BlueMindVCardTemp extends DirectoryIqProcessor implements PresenceState.ExtendedPresenceProcessorIfc,
        XMPPPacketFilterIfc, XMPPStopListenerIfc, Initializable, UnregisterAware {

    static final String XMLNS = "vcard-temp";
    private static final Logger LOG = Logger.getLogger(BlueMindVCardTemp.class.getName());

    @Inject(nullAllowed = true)
    private PresenceState presenceState;
    @Inject(nullAllowed = true)
    private PacketWriter writer;

    private volatile VCardRuntime runtime;
    private volatile AvatarPusher pusher;
    private final AvatarListener onAvatarChange = (jid, photo) -> {
        AvatarPusher p = pusher;
        if (p != null) {
            p.avatarChanged(jid, photo, presenceState, writer);
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
                        pusher = new AvatarPusher(created.requests);
                        created.service.addListener(onAvatarChange);
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
    protected Reply decide(Packet packet, String target) {
        VCardRuntime r = runtime();
        if (r == null) {
            return new Reply.Error(Reply.Condition.INTERNAL_SERVER_ERROR, "the BlueMind vCard service is not running");
        }
        VCardRequests requests = r.requests;
        Element iq = packet.getElement();
        if (iq.getChild("vCard", XMLNS) != null || iq.getChild("VCARD", XMLNS) != null) {
            return packet.getType() == StanzaType.set ? requests.set() : requests.vcardTemp(target);
        }
        Element pubsub = iq.getChild("pubsub", AvatarRenderer.PUBSUB_XMLNS);
        if (pubsub == null) {
            return null;
        }
        Element items = pubsub.getChild("items");
        if (packet.getType() == StanzaType.get && items != null
                && VCardRequests.isAvatarNode(items.getAttributeStaticStr("node"))) {
            Element item = items.getChild("item");
            return requests.avatarItems(target, items.getAttributeStaticStr("node"),
                    item == null ? null : item.getAttributeStaticStr("id"));
        }
        Element publish = pubsub.getChild("publish");
        if (packet.getType() == StanzaType.set && publish != null
                && VCardRequests.isAvatarNode(publish.getAttributeStaticStr("node"))) {
            return requests.avatarPublish();
        }
        return null;
    }

    /** With tigase-pubsub deployed, its PEP handling routes pubsub traffic; routing it too would duplicate it. */
    @Override
    protected boolean routes(Packet packet) {
        return !(pepDelegated() && packet.getElement().getChild("pubsub", AvatarRenderer.PUBSUB_XMLNS) != null);
    }

    @Override
    protected void notOwned(Packet packet, JID deliverTo, Queue<Packet> results) throws PacketErrorTypeException {
        if (!pepDelegated() && (packet.getType() == StanzaType.get || packet.getType() == StanzaType.set)) {
            Packet error = Authorization.FEATURE_NOT_IMPLEMENTED.getResponseMessage(packet,
                    "only the avatar nodes (XEP-0084) are served here", true);
            if (deliverTo != null) {
                error.setPacketTo(deliverTo);
            }
            results.offer(error);
        }
    }

    private boolean pepDelegated() {
        VCardRuntime r = runtime;
        return r != null && r.pepDelegated;
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

    // --- XEP-0084: metadata notifications follow available presence to contacts ------------

    @Override
    public void filter(Packet packet, XMPPResourceConnection session, NonAuthUserRepository repo,
            Queue<Packet> results) {
        AvatarPusher p = pusher;
        if (p == null) {
            return;
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
