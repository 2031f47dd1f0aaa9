package net.bluemind.xmpp.files.tigase;

import java.util.List;
import java.util.logging.Logger;
import net.bluemind.xmpp.common.settings.Settings;
import net.bluemind.xmpp.common.settings.SettingsException;
import net.bluemind.xmpp.files.web.HostMeta;
import net.bluemind.xmpp.files.web.WebCors;

/**
 * {@code web-origins}, {@code web-websocket-url} and {@code web-bosh-url} as the server was started with, read at
 * first use (Tigase sets the {@code bm-xmpp.*} system properties during its start, possibly after creating the
 * HTTP modules). A setting that does not parse is logged and lets no page in / tells nothing.
 */
final class ConfiguredWeb {

    private static final Logger LOG = Logger.getLogger(ConfiguredWeb.class.getName());
    private static volatile WebCors cors;
    private static volatile HostMeta hostMeta;

    private ConfiguredWeb() {
    }

    static WebCors cors() {
        if (cors == null) {
            load();
        }
        return cors;
    }

    static HostMeta hostMeta() {
        if (hostMeta == null) {
            load();
        }
        return hostMeta;
    }

    private static synchronized void load() {
        if (cors != null) {
            return;
        }
        WebCors c;
        HostMeta h;
        try {
            Settings s = Settings.fromSystemProperties();
            c = WebCors.from(s);
            h = HostMeta.from(s);
        } catch (SettingsException e) {
            LOG.severe("bm-xmpp: " + e.getMessage() + "; no web page may use the upload URLs, host-meta tells nothing");
            c = new WebCors(List.of());
            h = new HostMeta("", "");
        }
        LOG.info("bm-xmpp: upload URLs and host-meta open to web pages of "
                + (c.allowed().isEmpty() ? "no origin (web-origins is empty)" : String.join(", ", c.allowed()))
                + "; host-meta: " + (h.isEmpty() ? "nothing (web-websocket-url and web-bosh-url empty)" : h.json()));
        hostMeta = h;
        cors = c;
    }
}
