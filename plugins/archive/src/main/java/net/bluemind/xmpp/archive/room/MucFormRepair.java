package net.bluemind.xmpp.archive.room;

/**
 * What the data forms of a MUC service must say so that strict clients read them: tigase-muc 3.4.0 sends the room's
 * {@code muc#roominfo} form (disco#info) with fields that carry several values and no {@code type}
 * ({@code muc#roomconfig_presencebroadcast} always has three), which XEP-0004 reads as text-single: Smack 4.5 (Spark)
 * then throws while parsing and drops the connection. And its room configuration form ({@code muc#owner}) has no
 * {@code FORM_TYPE}, so Smack finds no configuration form at all. No tigase-muc setting changes either (both are
 * built in code), so the session manager corrects them on the way to the client.
 */
public final class MucFormRepair {

    public static final String ROOMINFO = "http://jabber.org/protocol/muc#roominfo";
    public static final String ROOMCONFIG = "http://jabber.org/protocol/muc#roomconfig";

    private MucFormRepair() {
    }

    /**
     * The type an untyped field needs, or null when it needs none (one value or fewer reads fine as text-single).
     * XEP-0045 section 15.5.4 (muc#roominfo) and 15.5.3 (muc#roomconfig) name the types of the known fields.
     */
    public static String typeFor(String var, int values) {
        if (values < 2 || var == null) {
            return null;
        }
        return switch (var) {
            case "muc#roomconfig_presencebroadcast", "muc#roomconfig_getmemberlist",
                    "tigase#presence_filtered_affiliations" -> "list-multi";
            case "muc#roomconfig_roomadmins", "muc#roomconfig_roomowners", "muc#roominfo_contactjid" -> "jid-multi";
            case "muc#roomconfig_whois" -> "list-multi"; // several affiliations listed as a set
            default -> "text-multi";
        };
    }
}
