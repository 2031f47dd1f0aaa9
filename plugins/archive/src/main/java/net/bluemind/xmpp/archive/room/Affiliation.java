package net.bluemind.xmpp.archive.room;

/** A user's affiliation with a room (XEP-0045 section 5.2). */
public enum Affiliation {
    OWNER, ADMIN, MEMBER, NONE, OUTCAST;

    /** At least a member: may enter a members-only room. */
    public boolean isMember() {
        return this == OWNER || this == ADMIN || this == MEMBER;
    }

    /** Tigase's / XEP-0045's lower-case names ("owner", ...); anything unknown counts as NONE. */
    public static Affiliation of(String name) {
        if (name == null) {
            return NONE;
        }
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "owner" -> OWNER;
            case "admin" -> ADMIN;
            case "member" -> MEMBER;
            case "outcast" -> OUTCAST;
            default -> NONE;
        };
    }
}
