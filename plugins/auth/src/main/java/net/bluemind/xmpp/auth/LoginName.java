package net.bluemind.xmpp.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * The address a user typed, completed into BlueMind's "login at domain" form: a bare local part gets the
 * connection's domain, else the configured default domain. Anything that cannot be an address is refused
 * here, before bm-core hears of it.
 */
public final class LoginName {

    private LoginName() {
    }

    /** @return the lower-cased {@code local@domain}, empty when the text cannot be a BlueMind login */
    public static Optional<String> latd(String typed, String connectionDomain, String defaultDomain) {
        String t = typed.strip();
        int at = t.lastIndexOf('@');
        String local = at < 0 ? t : t.substring(0, at);
        String domain = at < 0 ? firstNonBlank(connectionDomain, defaultDomain) : t.substring(at + 1);
        if (domain == null || !isLocalPart(local) || !isDomain(domain)) {
            return Optional.empty();
        }
        return Optional.of((local + "@" + domain).toLowerCase(Locale.ROOT));
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a.strip();
        }
        return b != null && !b.isBlank() ? b.strip() : null;
    }

    private static boolean isLocalPart(String s) {
        if (s.isEmpty() || s.length() > 64) {
            return false;
        }
        return s.codePoints().allMatch(c -> c > 0x20 && c != 0x7f && c != '@' && c != '/' && c != '"'
                && c != '<' && c != '>' && c != '\\' && !Character.isISOControl(c) && !Character.isWhitespace(c));
    }

    private static boolean isDomain(String s) {
        if (s.isEmpty() || s.length() > 253 || s.startsWith(".") || s.endsWith(".") || s.contains("..")) {
            return false;
        }
        return s.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_');
    }
}
