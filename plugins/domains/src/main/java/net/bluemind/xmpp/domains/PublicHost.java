package net.bluemind.xmpp.domains;

import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The BlueMind server's public host name as BlueMind stores it ({@code external-url},
 * {@code domain.external.url}): a host name, tolerated with a scheme, a port or a path.
 */
final class PublicHost {

    private static final Logger LOG = Logger.getLogger(PublicHost.class.getName());
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://");

    private PublicHost() {
    }

    /** The host name in the setting, empty when unset or unusable (logged). */
    static Optional<String> parse(String raw, String where) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String h = SCHEME.matcher(raw.trim()).replaceFirst("");
        int end = h.length();
        for (char c : new char[] { '/', '?', '#', ':' }) {
            int i = h.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        Optional<String> host = VHost.normalize(h.substring(0, end));
        if (host.isEmpty()) {
            LOG.warning(() -> where + " '" + raw + "' is not a host name: the certificates do not carry it");
        }
        return host;
    }
}
