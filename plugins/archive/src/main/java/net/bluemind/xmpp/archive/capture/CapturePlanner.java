package net.bluemind.xmpp.archive.capture;

import java.util.ArrayList;
import java.util.List;
import net.bluemind.xmpp.archive.Jid;

/**
 * Decides, from the facts alone, what happens to one message at one pass through the session manager: which
 * stanza-ids go, whether and for whom it is archived, which id it carries on. The table is in
 * plugins/archive/README.md ("Capture"); every row is a case of {@code CapturePlannerTest}.
 * <ul>
 * <li>{@code groupchat} sent to a room of ours: the room archives it as it broadcasts it (our history provider, or
 * the rooms node of a cluster); ids claiming the room's archive are removed. Without our provider, archived here,
 * owned by the room, with the room's id. To another server's room: archived here, owned by the room, no id;</li>
 * <li>{@code groupchat} copies a room of ours reflects: only the room's archive ids stay; never archived again;</li>
 * <li>a private message through a room here: archived once in the sender's session, between the real JIDs when the
 * room shows them (one document, both owners when both are ours); at delivery only when the sender is not ours;</li>
 * <li>anything else: {@code chat} / {@code normal} archived once in the sender's session for the sender (and the
 * recipient when ours), or at delivery for a local recipient when the sender is not ours. A local recipient's ids
 * are removed unless a session of ours already set them, and the recipient gets the archive id.</li>
 * </ul>
 * A message sent to a server this one does not federate with is not archived: the federation policy bounces it.
 * What is archivable at all (type, non-blank body, no carbon copy, no no-store hint) is {@link #archive}.
 */
public final class CapturePlanner {

    private CapturePlanner() {
    }

    public static CapturePlan plan(CaptureFacts f) {
        if (f.stanza().redelivered()) {
            return CapturePlan.NOTHING; // archived, its stanza-ids set, on its first pass
        }
        boolean sent = f.direction() == Direction.OUTGOING;
        if (sent && f.counterpartRefused()) {
            return CapturePlan.NOTHING; // bounced by the federation policy: never delivered, so not in the history
        }
        if ("groupchat".equals(f.stanza().type())) {
            return sent ? groupchatSent(f) : groupchatReflected(f);
        }
        if (f.isPrivateThroughRoom()) {
            return sent ? privateSent(f) : privateReceived(f);
        }
        return direct(f);
    }

    private static CapturePlan groupchatSent(CaptureFacts f) {
        String room = Jid.bare(f.stanza().to());
        return switch (f.room()) {
            case OTHER_NODE -> new CapturePlan(room, null, null, null); // the room, on its node, archives it
            case HERE -> f.roomsArchiveThemselves() ? new CapturePlan(room, null, null, null)
                    : archived(room, archive(f.stanza(), Direction.OUTGOING, f.from(), f.to()), room);
            case ELSEWHERE -> archived(null, archive(f.stanza(), Direction.OUTGOING, f.from(), f.to()), null);
        };
    }

    private static CapturePlan groupchatReflected(CaptureFacts f) {
        return f.room() == RoomRoute.ELSEWHERE ? CapturePlan.NOTHING
                : new CapturePlan(null, Jid.bare(f.stanza().from()), null, null);
    }

    /** In a non-anonymous room, a chat between the two real JIDs; in a semi-anonymous one, with the room/nick. */
    private static CapturePlan privateSent(CaptureFacts f) {
        Stanza s = f.stanza();
        if (f.occupantJid() == null) {
            return archived(null, archive(s, Direction.OUTGOING, f.from(), f.to()), null);
        }
        String peer = f.occupant().onLocalDomain() ? Jid.bare(f.occupantJid()) : null; // its archive holds it: its id
        return archived(peer, archive(withPeer(s, s.from(), f.occupantJid()), Direction.OUTGOING, f.from(), f.occupant()), peer);
    }

    private static CapturePlan privateReceived(CaptureFacts f) {
        Stanza s = f.stanza();
        if (f.occupantJid() != null && f.occupant().onLocalDomain()) {
            return CapturePlan.NOTHING; // archived in the sender's session, which set the id
        }
        String recipient = Jid.bare(s.to());
        if (f.occupantJid() == null) {
            return new CapturePlan(recipient, null, null, null);
        }
        return archived(recipient, archive(withPeer(s, f.occupantJid(), s.to()), Direction.INCOMING, f.occupant(), f.to()),
                recipient);
    }

    /** The stanza-id names the recipient's archive, so only a recipient who is a user here gets one (XEP-0359). */
    private static CapturePlan direct(CaptureFacts f) {
        String recipient = f.to() == Locality.LOCAL_USER ? Jid.bare(f.stanza().to()) : null;
        boolean setHere = f.direction() == Direction.INCOMING && f.from().onLocalDomain(); // by the sender's session
        return archived(setHere ? null : recipient, archive(f.stanza(), f.direction(), f.from(), f.to()), recipient);
    }

    private static CapturePlan archived(String stripIdsBy, CapturePlan.Archive archive, String stampBy) {
        return new CapturePlan(stripIdsBy, null, archive, archive == null ? null : stampBy);
    }

    /**
     * Whether a message is archivable, and in whose archives: {@code chat}, {@code normal} (or no type) and
     * {@code groupchat} with a non-blank body, neither a carbon copy nor hinted no-store, with both addresses.
     * A groupchat message is the room's, where it is sent from. A chat sent by a user of ours is the sender's, and the
     * recipient's too when a user of ours; one received is the recipient's unless its sender is a user of ours (then
     * it was archived when sent). Null when not archived.
     */
    static CapturePlan.Archive archive(Stanza s, Direction direction, Locality from, Locality to) {
        String type = s.type() == null || s.type().isEmpty() ? "normal" : s.type();
        if (!type.equals("chat") && !type.equals("normal") && !type.equals("groupchat")) {
            return null;
        }
        if (s.carbon() || s.noStore() || s.body() == null || s.body().isBlank()) {
            return null;
        }
        String fromJid = Jid.bare(s.from());
        String toJid = Jid.bare(s.to());
        if (fromJid == null || toJid == null) {
            return null;
        }
        List<String> owners = new ArrayList<>(2);
        if (type.equals("groupchat")) {
            if (direction == Direction.OUTGOING) {
                owners.add(toJid);
            }
        } else if (direction == Direction.OUTGOING) {
            owners.add(fromJid);
            if (!toJid.equals(fromJid) && to == Locality.LOCAL_USER) {
                owners.add(toJid);
            }
        } else if (from != Locality.LOCAL_USER) {
            owners.add(toJid);
        }
        return owners.isEmpty() ? null : new CapturePlan.Archive(s, type, fromJid, toJid, owners);
    }

    private static Stanza withPeer(Stanza s, String from, String to) {
        return new Stanza(s.type(), from, to, s.id(), s.body(), s.thread(), s.carbon(), s.noStore(), s.redelivered());
    }
}
