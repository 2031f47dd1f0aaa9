package net.bluemind.xmpp.vcard.tigase;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.vcard.Photo;
import net.bluemind.xmpp.vcard.VCardRequests;
import tigase.component.PacketWriter;
import tigase.server.Packet;
import tigase.xml.Element;
import tigase.xmpp.StanzaType;
import tigase.xmpp.XMPPResourceConnection;
import tigase.xmpp.impl.PresenceState;
import tigase.xmpp.jid.BareJID;
import tigase.xmpp.jid.JID;

/**
 * Pushes avatar changes: remembers the sessions whose presence we stamped, re-broadcasts their presence
 * (through Tigase's PresenceState, so the new XEP-0153 hash goes to every contact) when the engine reports a
 * new photo, and follows each available presence a user sends to a contact with the XEP-0084 metadata
 * notification, once per (user, contact, hash).
 */
final class AvatarPusher {

    private static final Logger LOG = Logger.getLogger(AvatarPusher.class.getName());

    private final VCardRequests requests;
    private final Map<String, Set<XMPPResourceConnection>> sessions = new ConcurrentHashMap<>();
    private final Cache<String, String> noticed = Caffeine.newBuilder().maximumSize(200_000).build();

    AvatarPusher(VCardRequests requests) {
        this.requests = requests;
    }

    void presenceStamped(String user, XMPPResourceConnection session) {
        sessions.computeIfAbsent(user, k -> ConcurrentHashMap.newKeySet()).add(session);
    }

    /** @return true when it was the user's last stamped session */
    boolean sessionStopped(String user, XMPPResourceConnection session) {
        boolean[] last = {false};
        sessions.computeIfPresent(user, (k, set) -> {
            set.remove(session);
            last[0] = set.isEmpty();
            return set.isEmpty() ? null : set;
        });
        return last[0];
    }

    /** The engine saw {@code user}'s photo change: every session re-broadcasts its presence with the new hash. */
    void avatarChanged(String user, Optional<Photo> photo, PresenceState presenceState, PacketWriter writer) {
        Set<XMPPResourceConnection> live = sessions.get(user);
        if (live == null || presenceState == null || writer == null) {
            return;
        }
        for (XMPPResourceConnection session : live) {
            try {
                Queue<Packet> out = new ArrayDeque<>();
                presenceState.rebroadcastPresence(session, out);
                addNotices(session, out);
                writer.write(out);
            } catch (Exception e) {
                LOG.log(Level.FINE, "could not re-broadcast the presence of " + user, e);
            }
        }
        LOG.fine(() -> "avatar of " + user + " changed to " + photo.map(Photo::sha1).orElse("none"));
    }

    /** Adds a metadata notification for every contact an available presence of the session's user goes to. */
    void addNotices(XMPPResourceConnection session, Queue<Packet> results) throws Exception {
        if (session == null || !session.isAuthorized() || results.isEmpty()) {
            return;
        }
        BareJID user = session.getBareJID();
        List<JID> recipients = new ArrayList<>();
        for (Packet p : results) {
            if ("presence".equals(p.getElemName()) && (p.getType() == null || p.getType() == StanzaType.available)
                    && p.getStanzaFrom() != null && user.equals(p.getStanzaFrom().getBareJID())
                    && p.getStanzaTo() != null && !user.equals(p.getStanzaTo().getBareJID())) {
                recipients.add(p.getStanzaTo());
            }
        }
        if (recipients.isEmpty()) {
            return;
        }
        String userJid = user.toString();
        Optional<VCardRequests.AvatarNotice> notice = requests.avatarNotice(userJid);
        if (notice.isEmpty()) {
            return;
        }
        for (JID to : recipients) {
            String key = userJid + "|" + to.getBareJID();
            if (notice.get().itemId().equals(noticed.getIfPresent(key))) {
                continue;
            }
            noticed.put(key, notice.get().itemId());
            Element message = new Element("message", new String[]{"type"}, new String[]{"headline"});
            message.addChild(ElementConverter.toElement(notice.get().event()));
            results.offer(Packet.packetInstance(message, JID.jidInstanceNS(user), to));
        }
    }
}
