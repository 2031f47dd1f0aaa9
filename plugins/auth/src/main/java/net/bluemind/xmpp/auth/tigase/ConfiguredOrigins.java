package net.bluemind.xmpp.auth.tigase;

import java.util.List;
import java.util.logging.Logger;
import net.bluemind.xmpp.auth.web.WebOrigins;
import net.bluemind.xmpp.common.settings.Settings;
import net.bluemind.xmpp.common.settings.SettingsException;

/**
 * {@code web-origins} as the server was started with, read at first use (Tigase sets the {@code bm-xmpp.*}
 * system properties during its start, possibly after creating the connection managers' beans).
 */
final class ConfiguredOrigins {

    private static final Logger LOG = Logger.getLogger(ConfiguredOrigins.class.getName());
    private static volatile WebOrigins origins;

    private ConfiguredOrigins() {
    }

    static WebOrigins get() {
        WebOrigins o = origins;
        if (o == null) {
            synchronized (ConfiguredOrigins.class) {
                o = origins;
                if (o == null) {
                    try {
                        o = WebOrigins.from(Settings.fromSystemProperties());
                    } catch (SettingsException e) {
                        LOG.severe("bm-xmpp: " + e.getMessage() + "; no web page may use BOSH or WebSocket");
                        o = new WebOrigins(List.of());
                    }
                    LOG.info("bm-xmpp: web pages of " + (o.allowed().isEmpty() ? "no origin (web-origins is empty)"
                            : String.join(", ", o.allowed())) + " may use BOSH and WebSocket");
                    origins = o;
                }
            }
        }
        return o;
    }
}
