package net.bluemind.xmpp.archive.es;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import net.bluemind.xmpp.common.settings.Keys;
import net.bluemind.xmpp.common.settings.Settings;
import net.bluemind.xmpp.testkit.core.BmCoreSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding Elasticsearch as BlueMind does: es-urls, else bm-locator's bm/es (the simulator's locator), else bm.ini's host. */
class EsLocationTest {

    @TempDir
    Path dir;
    private BmCoreSimulator sim;

    @BeforeEach
    void start() {
        sim = BmCoreSimulator.start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private Settings settings(String bmIni) throws Exception {
        Path ini = dir.resolve("bm.ini");
        Files.writeString(ini, bmIni);
        return Settings.load(Map.of(Keys.BM_INI.key(), ini.toString(), Keys.LOCATOR_PORT.key(), String.valueOf(sim.port())));
    }

    @Test
    void configuredUrlsWin() throws Exception {
        Settings s = settings("host = 127.0.0.1\n").with(Keys.ES_URLS, "http://es1.test:9200,http://es2.test:9200");
        assertThat(EsLocation.urls(s)).containsExactly(URI.create("http://es1.test:9200"), URI.create("http://es2.test:9200"));
        assertThat(sim.requests("/location/")).isZero();
    }

    @Test
    void emptyUrlsAskTheLocatorForBmEs() throws Exception {
        sim.setLocation("bm/es", "10.1.2.3");
        assertThat(EsLocation.urls(settings("host = 127.0.0.1\n"))).containsExactly(URI.create("http://10.1.2.3:9200"));
        assertThat(sim.requests("/location/host/bm/es/")).isEqualTo(1);
    }

    @Test
    void withoutALocatorAnswerBmIniHostIsUsed() throws Exception {
        sim.setLocation("bm/es");
        sim.failWith(404);
        assertThat(EsLocation.urls(settings("host = 127.0.0.1\n"))).containsExactly(URI.create("http://127.0.0.1:9200"));
    }

    @Test
    void withoutBmIniLoopbackIsUsed() throws Exception {
        Settings s = Settings.load(Map.of(Keys.BM_INI.key(), dir.resolve("missing.ini").toString()));
        assertThat(EsLocation.urls(s)).containsExactly(URI.create("http://127.0.0.1:9200"));
    }
}
