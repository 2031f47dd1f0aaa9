package net.bluemind.xmpp.domains;

import java.net.IDN;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** One XMPP virtual host (a BlueMind domain name or alias) and the uid of the BlueMind domain it belongs to. */
public record VHost(String name, String domainUid) {

    // DNS-like labels; '_' tolerated because internal BlueMind domains sometimes carry one
    private static final Pattern HOSTNAME = Pattern.compile(
            "(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*");

    public VHost {
        Objects.requireNonNull(name);
        Objects.requireNonNull(domainUid);
    }

    /**
     * The canonical form of a domain name as an XMPP host (lower case, no trailing dot), or empty when the
     * text cannot be a host name (blank, spaces, '@', '/', ...).
     */
    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String n = raw.trim().toLowerCase(Locale.ROOT);
        if (n.endsWith(".")) {
            n = n.substring(0, n.length() - 1);
        }
        try {
            return HOSTNAME.matcher(IDN.toASCII(n, IDN.ALLOW_UNASSIGNED)).matches() ? Optional.of(n) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
