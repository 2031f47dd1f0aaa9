package net.bluemind.xmpp.calls;

import java.util.Locale;
import java.util.Optional;

/** XEP-0215 {@code type}: the two this plugin offers (no TLS variants: coturn runs without TLS beside bm-xmpp). */
public enum ServiceType {
    STUN, TURN;

    /** The type named in a request, empty for one this plugin never offers (turns, stuns, ftp...). */
    public static Optional<ServiceType> named(String xml) {
        for (ServiceType t : values()) {
            if (t.xml().equals(xml)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public String xml() {
        return name().toLowerCase(Locale.ROOT);
    }
}
