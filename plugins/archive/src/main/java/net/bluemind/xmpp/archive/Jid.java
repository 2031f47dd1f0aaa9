package net.bluemind.xmpp.archive;

import java.util.Locale;

/** The few JID operations the archive needs, on plain strings (the adapter hands over Tigase's text form). */
public final class Jid {

    private Jid() {
    }

    /** {@code user@domain/res} → {@code user@domain}, lower-cased; null for null or empty. */
    public static String bare(String jid) {
        if (jid == null || jid.isBlank()) {
            return null;
        }
        int slash = jid.indexOf('/');
        String bare = slash < 0 ? jid : jid.substring(0, slash);
        return bare.isEmpty() ? null : bare.toLowerCase(Locale.ROOT);
    }

    public static String domain(String jid) {
        String bare = bare(jid);
        if (bare == null) {
            return null;
        }
        int at = bare.indexOf('@');
        return at < 0 ? bare : bare.substring(at + 1);
    }

    /** The resource ({@code room@service/nick} → {@code nick}), null when there is none. */
    public static String resource(String jid) {
        int slash = jid == null ? -1 : jid.indexOf('/');
        return slash < 0 || slash == jid.length() - 1 ? null : jid.substring(slash + 1);
    }

    public static boolean hasLocalPart(String jid) {
        String bare = bare(jid);
        return bare != null && bare.indexOf('@') > 0;
    }
}
