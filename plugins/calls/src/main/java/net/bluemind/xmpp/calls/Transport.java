package net.bluemind.xmpp.calls;

import java.util.Locale;

/** XEP-0215 {@code transport}. */
public enum Transport {
    UDP, TCP;

    public static Transport of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    public String xml() {
        return name().toLowerCase(Locale.ROOT);
    }
}
