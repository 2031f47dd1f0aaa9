package net.bluemind.xmpp.archive.es;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import net.bluemind.xmpp.common.core.CoreException;
import net.bluemind.xmpp.common.core.Locator;
import net.bluemind.xmpp.common.settings.Keys;
import net.bluemind.xmpp.common.settings.Settings;

/**
 * Where Elasticsearch is: {@code es-urls}; else port 9200 of the host bm-locator gives for {@code bm/es}
 * (contract section 4); else port 9200 of bm.ini's {@code host}; else 127.0.0.1:9200.
 */
public final class EsLocation {

    private static final Logger LOG = Logger.getLogger(EsLocation.class.getName());
    private static final int ES_PORT = 9200;

    private EsLocation() {
    }

    public static List<URI> urls(Settings s) {
        List<URI> configured = s.get(Keys.ES_URLS);
        if (!configured.isEmpty()) {
            return configured;
        }
        Locator locator = new Locator(s, HttpClient.newBuilder().connectTimeout(s.get(Keys.CORE_CONNECT_TIMEOUT)).build());
        try {
            return List.of(Locator.uri(locator.host("bm/es"), ES_PORT, ""));
        } catch (CoreException e) {
            String host = "127.0.0.1";
            try {
                Optional<String> ini = locator.iniHost();
                host = ini.orElse(host);
            } catch (CoreException noIni) {
                // no bm.ini either: loopback
            }
            String chosen = host;
            LOG.warning(() -> "es-urls is empty and " + e.getMessage() + ": using Elasticsearch on " + chosen + ":" + ES_PORT);
            try {
                return List.of(Locator.uri(host, ES_PORT, ""));
            } catch (CoreException bad) {
                return List.of(URI.create("http://127.0.0.1:" + ES_PORT));
            }
        }
    }
}
