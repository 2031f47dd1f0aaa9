package net.bluemind.xmpp.common.core;

import static net.bluemind.xmpp.common.core.HttpCoreClientTest.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import net.bluemind.xmpp.common.core.CoreException.Kind;
import net.bluemind.xmpp.common.settings.Settings;
import net.bluemind.xmpp.testkit.core.BmCoreSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding bm-core without core-url: bm.ini, then bm-locator (served by the simulator on its own port). */
class CoreLocationTest {

    static BmCoreSimulator sim;
    @TempDir
    Path tmp;
    Path ini;

    @BeforeAll
    static void startSimulator() {
        sim = BmCoreSimulator.start();
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        sim.healthy();
        sim.resetCounters();
        sim.setLocation("bm/core", "127.0.0.1");
        ini = tmp.resolve("bm.ini");
    }

    HttpCoreClient client(String... more) {
        Map<String, String> raw = new HashMap<>(Map.of("core-token-file", sim.writeTokenFile(tmp).toString(),
                "bm-ini", ini.toString(), "locator-port", String.valueOf(sim.port()),
                "core-port", String.valueOf(sim.port()), "core-read-timeout", "2s"));
        for (int i = 0; i < more.length; i += 2) {
            raw.put(more[i], more[i + 1]);
        }
        return new HttpCoreClient(Settings.load(raw));
    }

    @Test
    void asksTheLocatorOnBmIniHostAndCachesTheAnswer() throws Exception {
        Files.writeString(ini, "[global]\n# BlueMind\nhost = 127.0.0.1\n");
        HttpCoreClient core = client();
        assertThat(core.lookupDomain("bm.test")).isPresent();
        assertThat(core.domains()).isNotEmpty();
        assertThat(core.validate("alice@bluemind.test", "alice-pw")).isEqualTo(ValidationResult.PASSWORD);
        assertThat(sim.requests(CoreLocation.LOCATOR_PATH)).isEqualTo(1);
        assertThat(sim.requests("/api/")).isEqualTo(3);
    }

    @Test
    void prefersBmIniLocatorEntryOverHost() throws Exception {
        // host is not resolvable: only the locator entry can lead to bm-core
        Files.writeString(ini, "host = core.invalid\nlocator = \"127.0.0.1\"\n");
        assertThat(client().lookupDomain("bm.test")).isPresent();
        assertThat(sim.requests("/location/")).isEqualTo(1);
    }

    @Test
    void asksAgainOnceTheCacheExpires() throws Exception {
        Files.writeString(ini, "host = 127.0.0.1\n");
        HttpCoreClient core = client("locator-cache-ttl", "1s");
        core.domains();
        core.domains();
        assertThat(sim.requests("/location/")).isEqualTo(1);
        Thread.sleep(1100);
        core.domains();
        assertThat(sim.requests("/location/")).isEqualTo(2);
    }

    @Test
    void asksAgainAfterCoreWasUnreachable() throws Exception {
        Files.writeString(ini, "host = 127.0.0.1\n");
        HttpCoreClient core = client();
        core.domains();
        sim.goAway();
        assertFails(() -> core.domains(), Kind.UNAVAILABLE, "refused");
        sim.comeBack();
        core.domains();
        assertThat(sim.requests("/location/")).isEqualTo(2);
    }

    @Test
    void fallsBackToBmIniHostWhenTheLocatorKnowsNoCore() throws Exception {
        sim.setLocation("bm/core");
        Files.writeString(ini, "host = 127.0.0.1\n");
        assertThat(client().lookupDomain("bm.test")).isPresent();
        assertThat(sim.requests("/location/")).isEqualTo(1);
    }

    @Test
    void locatorWithoutAnswerAndNoHostIsUnavailable() throws Exception {
        sim.setLocation("bm/core");
        Files.writeString(ini, "locator = 127.0.0.1\n");
        assertFails(() -> client().domains(), Kind.UNAVAILABLE, "bm-locator", "HTTP 404");
        sim.failWith(502);
        assertFails(() -> client().domains(), Kind.UNAVAILABLE, "bm-locator", "HTTP 502");
    }

    @Test
    void locatorGarbageIsNotUsedAsAnAddress() throws Exception {
        Files.writeString(ini, "locator = 127.0.0.1\n");
        sim.garbage();
        assertFails(() -> client().domains(), Kind.UNAVAILABLE, "no usable address");
    }

    @Test
    void missingOrUselessBmIni() throws Exception {
        assertFails(() -> client().domains(), Kind.UNAVAILABLE, ini.toString(), "does not exist");
        Files.writeString(ini, "[global]\nother = x\n");
        assertFails(() -> client().domains(), Kind.UNAVAILABLE, "neither 'host' nor 'locator'");
        assertThat(sim.requests("/")).isZero();
    }

    @Test
    void coreUrlWinsOverBmIni() throws Exception {
        assertThat(client("core-url", sim.baseUrl().toString()).lookupDomain("bm.test")).isPresent();
        assertThat(sim.requests("/location/")).isZero();
    }
}
