package net.bluemind.xmpp.archive.room;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.bluemind.xmpp.archive.Jid;

/**
 * XEP-0421 occupant identifiers: which {@code <occupant-id/>} a stanza leaving a room carries. The id of an occupant
 * is the HMAC-SHA-256, under the server's secret key, of the room's and the user's real bare JIDs (lower case),
 * base64url without padding (43 characters; the XEP allows 128): the same user always gets the same id in a room,
 * whatever their nickname or resource, and nobody can find the JID from it without the key.
 * <p>
 * The room service names occupants by nickname; the real JID comes from the stanza itself when it says it
 * ({@code <x xmlns='http://jabber.org/protocol/muc#user'><item jid='...'/>}, in every presence of a non-anonymous
 * room and in those sent to moderators) and is remembered per room and nickname for the stanzas that do not say it
 * (messages, presences to non-moderators of a semi-anonymous room). A nickname never seen with its JID gets no id.
 */
public final class OccupantIds {

    public static final String XMLNS = "urn:xmpp:occupant-id:0";
    /** Remembered (room, nickname) pairs; the oldest is forgotten past this. */
    static final int REMEMBERED = 100_000;

    private final byte[] key;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);
    private final Map<String, String> realJids = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    public OccupantIds(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("an occupant-id key needs at least 16 bytes");
        }
        this.key = key.clone();
    }

    /** Whether a stanza from {@code from} is one an occupant sends through the room: a message or presence, not an error, from room@service/nick. */
    public static boolean concerns(String stanza, String type, String from) {
        return ("message".equals(stanza) || "presence".equals(stanza)) && !"error".equals(type)
                && Jid.hasLocalPart(from) && Jid.resource(from) != null;
    }

    /**
     * The id a stanza from {@code from} (room@service/nick) carries, or empty when the occupant's real JID is not
     * known. {@code itemJid}: the real JID the stanza names in its muc#user item, null when it names none.
     */
    public Optional<String> idFor(String from, String itemJid) {
        String room = Jid.bare(from);
        String nick = room + '/' + Jid.resource(from);
        String real;
        synchronized (realJids) {
            if (itemJid != null && !itemJid.isBlank()) {
                real = Jid.bare(itemJid);
                realJids.put(nick, real);
            } else {
                real = realJids.get(nick);
            }
        }
        return real == null ? Optional.empty() : Optional.of(of(room, real));
    }

    /** The id of {@code realJid} (any form) in {@code room}. */
    public String of(String room, String realJid) {
        byte[] digest = macs.get().doFinal((Jid.bare(room) + '\n' + Jid.bare(realJid)).getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    /** One keyed Mac per thread (the MUC component's out threads), instead of a new one per room stanza. */
    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
