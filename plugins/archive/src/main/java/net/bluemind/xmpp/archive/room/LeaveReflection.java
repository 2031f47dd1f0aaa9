package net.bluemind.xmpp.archive.room;

import net.bluemind.xmpp.archive.Jid;

/**
 * Which presence answers an occupant's leaving of a room with the id of its request. A client leaves with
 * {@code <presence type='unavailable' id='X' to='room@service/nick'/>} and waits for its own unavailable
 * presence from the room carrying that id (XEP-0045 7.14, and the id reflection of 7.2; Smack, and so Spark, waits
 * for exactly that); tigase-muc 3.4.0 writes that presence without an id.
 */
public final class LeaveReflection {

    private LeaveReflection() {
    }

    /** The id to reflect when {@code stanza} is a request to leave a room, else null. */
    public static String requestId(String stanza, String type, String to, String id) {
        return "presence".equals(stanza) && "unavailable".equals(type) && to != null && Jid.resource(to) != null && id != null
                && !id.isEmpty() ? id : null;
    }

    /**
     * Whether a stanza the room writes while it handles that request is the leaver's own unavailable presence that
     * should carry the request's id: an unavailable presence to the leaver's full JID that has no id of its own.
     */
    public static boolean answers(String stanza, String type, String to, String leaver, String id) {
        return "presence".equals(stanza) && "unavailable".equals(type) && to != null && to.equals(leaver) && id == null;
    }
}
