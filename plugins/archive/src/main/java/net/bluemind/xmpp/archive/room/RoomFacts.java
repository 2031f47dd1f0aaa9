package net.bluemind.xmpp.archive.room;

/**
 * What the MUC component says about one room and one user, as read at the time of a query.
 *
 * @param membersOnly       muc#roomconfig_membersonly
 * @param passwordProtected muc#roomconfig_passwordprotectedroom
 * @param nonAnonymous      real JIDs visible to every occupant (muc#roomconfig_whois = anyone)
 * @param affiliation       the user's affiliation with the room
 * @param occupant          the user is in the room right now (any resource)
 */
public record RoomFacts(boolean membersOnly, boolean passwordProtected, boolean nonAnonymous, Affiliation affiliation,
        boolean occupant) {
}
