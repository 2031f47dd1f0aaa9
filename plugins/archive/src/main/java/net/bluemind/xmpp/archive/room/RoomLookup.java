package net.bluemind.xmpp.archive.room;

/** The answer of {@link RoomDirectory#lookup}: not one of our room services, no such room, or the room's facts. */
public record RoomLookup(Kind kind, RoomFacts facts) {

    public enum Kind {
        /** The address is not a room of a MUC component of this server (another server, or no MUC installed). */
        NOT_HOSTED_HERE,
        /** A room service of this server that has no such room. */
        NO_SUCH_ROOM,
        FOUND
    }

    public static final RoomLookup NOT_HOSTED_HERE = new RoomLookup(Kind.NOT_HOSTED_HERE, null);
    public static final RoomLookup NO_SUCH_ROOM = new RoomLookup(Kind.NO_SUCH_ROOM, null);

    public static RoomLookup found(RoomFacts facts) {
        return new RoomLookup(Kind.FOUND, java.util.Objects.requireNonNull(facts));
    }
}
