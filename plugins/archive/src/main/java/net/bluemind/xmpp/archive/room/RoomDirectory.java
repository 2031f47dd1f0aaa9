package net.bluemind.xmpp.archive.room;

import java.util.Optional;

/** Port: the rooms of this server's MUC component, read at query time (never cached: affiliations change). */
public interface RoomDirectory {

    /** A directory that hosts no room (no MUC component): every room archive falls back to the participant rule. */
    RoomDirectory NONE = new RoomDirectory() {
        @Override
        public boolean hosts(String jid) {
            return false;
        }

        @Override
        public RoomLookup lookup(String room, String user) {
            return RoomLookup.NOT_HOSTED_HERE;
        }

        @Override
        public Optional<String> realJid(String occupant) {
            return Optional.empty();
        }
    };

    /** Whether the address (a room or an occupant) belongs to a room service of this server. Cheap: no room lookup. */
    boolean hosts(String jid);

    /**
     * Whether the address belongs to a room service of ours that runs on another node of the cluster (this node only
     * forwards room traffic there): the rooms there archive their own messages. Cheap: no room lookup.
     */
    default boolean servedByAnotherNode(String jid) {
        return false;
    }

    /**
     * @param room bare JID of the room
     * @param user bare JID of the user asking
     * @throws RoomDirectoryException when the MUC component cannot answer (its store is down...)
     */
    RoomLookup lookup(String room, String user) throws RoomDirectoryException;

    /**
     * The real bare JID behind an occupant address {@code room@service/nick}, when the room is hosted here and is
     * non-anonymous (everyone may see it); empty otherwise.
     */
    Optional<String> realJid(String occupant) throws RoomDirectoryException;
}
