package net.bluemind.xmpp.archive.es;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;
import net.bluemind.xmpp.common.settings.Keys;
import net.bluemind.xmpp.common.settings.Settings;

/** Where Elasticsearch is: {@code es-urls}, else port 9200 of bm.ini's {@code host}, else 127.0.0.1:9200. */
public final class EsLocation {

    private static final Logger LOG = Logger.getLogger(EsLocation.class.getName());

    private EsLocation() {
    }

    public static List<URI> urls(Settings s) {
        List<URI> configured = s.get(Keys.ES_URLS);
        if (!configured.isEmpty()) {
            return configured;
        }
        Path ini = s.get(Keys.BM_INI);
        String host = "127.0.0.1";
        try (Reader r = Files.newBufferedReader(ini)) {
            Properties p = new Properties();
            p.load(r);
            host = p.getProperty("host", host).trim();
        } catch (IOException e) {
            LOG.warning("es-urls is empty and " + ini + " cannot be read (" + e.getMessage() + "): using " + host);
        }
        return List.of(URI.create("http://" + host + ":9200"));
    }
}
