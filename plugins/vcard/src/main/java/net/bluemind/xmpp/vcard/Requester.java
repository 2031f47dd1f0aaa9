package net.bluemind.xmpp.vcard;

/**
 * Who asks for a user's card, as far as the card's visibility goes ({@link CardPolicy}). The adapter works it
 * out from the request: the requester's domain, and the card owner's roster.
 */
public enum Requester {
    /** A user of this BlueMind installation (any domain this server hosts, aliases included). */
    LOCAL_USER,
    /**
     * A user of another server the owner shares presence with: the owner's roster item for them has subscription
     * 'from' or 'both' (XEP-0163's "presence" access model).
     */
    CONTACT,
    /**
     * A request relayed by a component of this server, i.e. a room's occupant asking for another occupant's card
     * through the room ({@code room@conference.<domain>/nick}): who really asks is hidden, but they see the
     * owner's presence in that room.
     */
    ROOM_OCCUPANT,
    /** Anyone else. */
    STRANGER
}
