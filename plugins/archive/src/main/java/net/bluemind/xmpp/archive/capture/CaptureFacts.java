package net.bluemind.xmpp.archive.capture;

import java.util.Objects;
import java.util.function.Predicate;
import net.bluemind.xmpp.archive.Jid;

/**
 * What the adapter knows about one message at one pass through the session manager, and all {@link CapturePlanner}
 * decides on. Filled by {@link #of}; the adapter only asks the room service the two questions it alone can answer.
 *
 * @param stanza                 the message ({@code from} filled with the session's user when a client left it out)
 * @param direction              {@link Direction#OUTGOING} when it comes from the user's own connection, seen in the
 *                               sender's session; {@link Direction#INCOMING} otherwise (on its way to a local user)
 * @param from                   where the sender is
 * @param to                     where the recipient is
 * @param room                   where the room service of the {@link #counterpart} is (the room, or the room occupant,
 *                               the user sends to or receives from)
 * @param roomsArchiveThemselves tigase-muc runs our history provider: a room of ours archives what it broadcasts
 * @param occupantJid            for a private message through a room here ({@link #isPrivateThroughRoom}), the real JID
 *                               behind the occupant address when the room shows it (non-anonymous); null otherwise
 * @param occupant               where {@code occupantJid} is ({@link Locality#ABSENT} when null)
 * @param counterpartRefused     the {@link #counterpart} is on another server this one does not federate with
 *                               (bm-xmpp.federation): the message is bounced to its sender, never delivered
 */
public record CaptureFacts(Stanza stanza, Direction direction, Locality from, Locality to, RoomRoute room,
        boolean roomsArchiveThemselves, String occupantJid, Locality occupant, boolean counterpartRefused) {

    public CaptureFacts {
        Objects.requireNonNull(stanza, "stanza");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(occupant, "occupant");
    }

    /**
     * @param room        where the room service of {@link #counterpart(Stanza, Direction)} is
     * @param occupantJid the real JID behind the counterpart when {@link #isPrivateThroughRoom} (null when the room
     *                    does not show it); ignored otherwise
     * @param localDomain tells whether a domain is one of this server's virtual hosts
     */
    public static CaptureFacts of(Stanza stanza, Direction direction, RoomRoute room, boolean roomsArchiveThemselves,
            String occupantJid, Predicate<String> localDomain) {
        return of(stanza, direction, room, roomsArchiveThemselves, occupantJid, localDomain, domain -> true);
    }

    /**
     * @param federatesWith tells whether this server exchanges stanzas with another server's domain (asked only for
     *                      a counterpart that is neither on a virtual host of ours nor on one of their components)
     */
    public static CaptureFacts of(Stanza stanza, Direction direction, RoomRoute room, boolean roomsArchiveThemselves,
            String occupantJid, Predicate<String> localDomain, Predicate<String> federatesWith) {
        String real = isPrivateThroughRoom(stanza, direction, room) ? occupantJid : null;
        String other = Jid.domain(counterpart(stanza, direction));
        boolean refused = other != null && room == RoomRoute.ELSEWHERE && !localDomain.test(other)
                && !localDomain.test(other.substring(other.indexOf('.') + 1)) && !federatesWith.test(other);
        return new CaptureFacts(stanza, direction, Locality.of(stanza.from(), localDomain),
                Locality.of(stanza.to(), localDomain), room, roomsArchiveThemselves, real, Locality.of(real, localDomain),
                refused);
    }

    /** A message seen outside any room (no room service involved): all {@link CaptureRules#decide} knows. */
    static CaptureFacts plain(Stanza stanza, Direction direction, Predicate<String> localDomain) {
        return of(stanza, direction, RoomRoute.ELSEWHERE, false, null, localDomain);
    }

    /** The other end for the user whose session sees it: the recipient when sent, the sender when received. */
    public static String counterpart(Stanza stanza, Direction direction) {
        return direction == Direction.OUTGOING ? stanza.to() : stanza.from();
    }

    /**
     * A message (not {@code groupchat}) to or from an occupant address {@code room@service/nick} of a room here: a
     * private message through the room (XEP-0045 section 7.5). Only then is the occupant's real JID needed.
     */
    public static boolean isPrivateThroughRoom(Stanza stanza, Direction direction, RoomRoute room) {
        return !"groupchat".equals(stanza.type()) && room == RoomRoute.HERE
                && Jid.resource(counterpart(stanza, direction)) != null;
    }

    public String counterpart() {
        return counterpart(stanza, direction);
    }

    public boolean isPrivateThroughRoom() {
        return isPrivateThroughRoom(stanza, direction, room);
    }
}
