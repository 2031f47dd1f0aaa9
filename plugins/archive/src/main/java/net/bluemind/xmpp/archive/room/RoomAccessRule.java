package net.bluemind.xmpp.archive.room;

/**
 * Who may read a room's archive (XEP-0313 section 5, "MUC archives": the archive is the room's, readable by those
 * the room would let in). Outcasts never; current occupants always; a members-only or password-protected room:
 * its members, admins and owners; an open room: anyone allowed to join, i.e. anyone not banned.
 */
public final class RoomAccessRule {

    private RoomAccessRule() {
    }

    public static boolean mayRead(RoomFacts room) {
        if (room.affiliation() == Affiliation.OUTCAST) {
            return false;
        }
        if (room.occupant() || room.affiliation().isMember()) {
            return true;
        }
        return !room.membersOnly() && !room.passwordProtected();
    }
}
