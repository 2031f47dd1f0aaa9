package net.bluemind.xmpp.archive.room;

import java.util.logging.Logger;
import net.bluemind.xmpp.archive.mam.RoomMembership;
import net.bluemind.xmpp.archive.query.ArchiveUnavailableException;

/**
 * The room rule taken from the MUC component: for a room hosted here, {@link RoomAccessRule} on the room's
 * configuration and the user's affiliation, read at each query (a member removed a second ago is refused now);
 * a room service of this server without that room: refused. Rooms not hosted here (another server's, or no MUC
 * component installed) keep the {@code fallback} rule (participants who sent to the room).
 */
public final class RoomMembershipFromMuc implements RoomMembership {

    private static final Logger LOG = Logger.getLogger(RoomMembershipFromMuc.class.getName());

    private final RoomDirectory directory;
    private final RoomMembership fallback;

    public RoomMembershipFromMuc(RoomDirectory directory, RoomMembership fallback) {
        this.directory = directory;
        this.fallback = fallback;
    }

    @Override
    public boolean mayRead(String user, String room) throws ArchiveUnavailableException {
        RoomLookup found;
        try {
            found = directory.lookup(room, user);
        } catch (RoomDirectoryException e) {
            throw new ArchiveUnavailableException("the room service cannot tell who may read " + room, e);
        }
        return switch (found.kind()) {
            case NOT_HOSTED_HERE -> fallback.mayRead(user, room);
            case NO_SUCH_ROOM -> {
                LOG.fine(() -> user + " asked the archive of " + room + ", which the room service does not have");
                yield false;
            }
            case FOUND -> RoomAccessRule.mayRead(found.facts());
        };
    }
}
