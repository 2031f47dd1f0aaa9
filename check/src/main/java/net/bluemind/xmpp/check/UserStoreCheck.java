package net.bluemind.xmpp.check;

import java.util.Locale;
import java.util.Optional;

/**
 * Where Tigase keeps what BlueMind does not hold (rosters, privacy lists, offline messages): Tigase's
 * {@code --user-db-uri}. A {@code memory://} store loses them at every restart, which users see as contact
 * lists emptied by an upgrade; the check says so before they call.
 */
final class UserStoreCheck {

    static final String KEY = "--user-db-uri";

    private UserStoreCheck() {
    }

    /** Nothing when the file does not set it (Tigase's own default then applies). */
    static Optional<CheckResult> judge(String userDbUri) {
        if (userDbUri == null || userDbUri.isBlank()) {
            return Optional.empty();
        }
        String uri = userDbUri.trim();
        String kind = kind(uri);
        if (kind.equals("memory")) {
            return Optional.of(CheckResult.warn("store", KEY, "memory://: contact lists (rosters), privacy lists and "
                    + "offline messages are lost at every restart",
                    "use the shipped embedded store or a database (see docs/operators-guide.md, Contact lists (rosters) and offline messages)"));
        }
        // only the kind of store is shown: the URI usually carries a password
        return Optional.of(CheckResult.ok("store", KEY, kind + ": rosters and offline messages are kept across restarts"));
    }

    private static String kind(String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        if (lower.startsWith("memory:")) {
            return "memory";
        }
        if (lower.startsWith("jdbc:")) {
            int end = lower.indexOf(':', 5);
            return end > 5 ? lower.substring(0, end) : "jdbc";
        }
        int colon = lower.indexOf(':');
        return colon > 0 ? lower.substring(0, colon) : "unknown store";
    }
}
