package net.bluemind.xmpp.common.core;

import static net.bluemind.xmpp.common.core.HttpCoreClientTest.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
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

/**
 * A bm-core (or a proxy in front of it) that closes kept-alive connections: a call whose reused connection
 * turns out closed is sent once more on a new connection, POST included; a timeout or an HTTP error never is.
 */
class KeepAliveRetryTest {

    static final String VALIDATE = "/api/auth/validate";
    static BmCoreSimulator sim;
    @TempDir
    Path tmp;
    Path tokenFile;
    HttpCoreClient core;

    @BeforeAll
    static void startSimulator() {
        sim = BmCoreSimulator.start();
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    void client() {
        sim.healthy();
        sim.resetCounters();
        tokenFile = sim.writeTokenFile(tmp);
        core = client(sim.baseUrl().toString(), "2s");
    }

    HttpCoreClient client(String coreUrl, String readTimeout) {
        Map<String, String> raw = new HashMap<>(Map.of("core-token-file", tokenFile.toString(),
                "core-connect-timeout", "1s", "core-read-timeout", readTimeout, "core-url", coreUrl));
        return new HttpCoreClient(Settings.load(raw));
    }

    @Test
    void everyCallSurvivesACoreThatClosesAConnectionWhenItIsReused() throws Exception {
        sim.closeReusedConnections();
        for (int i = 0; i < 8; i++) {
            assertThat(core.validate("alice@bluemind.test", "alice-pw")).as("validate %d", i).isEqualTo(ValidationResult.PASSWORD);
            assertThat(core.login("bob@bluemind.test", "bob-pw").ok()).as("login %d", i).isTrue();
            assertThat(core.userByEmail("bluemind.test", "alice@bluemind.test")).as("byEmail %d", i).isPresent();
            assertThat(core.photo("bluemind.test", "u-alice")).as("photo %d", i).isPresent();
        }
        assertThat(sim.requests(VALIDATE)).as("each validate answered once").isEqualTo(8);
        assertThat(sim.droppedConnections()).as("the client did reuse connections, and lost them").isGreaterThanOrEqualTo(31);
    }

    @Test
    void everyCallSurvivesACoreThatClosesEachConnectionRightAfterItsAnswer() throws Exception {
        sim.closeAfterEachAnswer();
        for (int i = 0; i < 100; i++) {
            assertThat(core.validate("alice@bluemind.test", "alice-pw")).as("validate %d", i).isEqualTo(ValidationResult.PASSWORD);
            assertThat(core.lookupDomain("bm.test")).as("lookup %d", i).isPresent();
        }
        // a request that raced with the close may have reached the core before it was cut, and was sent again
        assertThat(sim.requests(VALIDATE)).isGreaterThanOrEqualTo(100);
        assertThat(sim.droppedConnections()).as("every answer's connection closed").isGreaterThanOrEqualTo(200);
    }

    @Test
    void aCallIsSentAtMostTwiceWhenTheCoreDropsEveryRequest() throws Exception {
        sim.closeWithoutAnswer();
        assertFails(() -> core.validate("alice@bluemind.test", "alice-pw"), Kind.UNAVAILABLE, "bm-core unreachable",
                VALIDATE, "closed");
        assertThat(sim.droppedConnections()).as("one retry, no more").isEqualTo(2);
        sim.resetCounters();
        assertFails(() -> core.domains(), Kind.UNAVAILABLE, "/api/domains", "closed");
        assertThat(sim.droppedConnections()).as("a GET: resent once by the JDK client itself, not again by ours")
                .isEqualTo(2);
        sim.healthy();
        assertThat(core.domains()).as("fine again once the core is").isNotEmpty();
    }

    @Test
    void aTimeoutIsNeverRetried() {
        HttpCoreClient impatient = client(sim.baseUrl().toString(), "300ms");
        sim.slow(Duration.ofMillis(1500));
        assertFails(() -> impatient.validate("alice@bluemind.test", "alice-pw"), Kind.UNAVAILABLE, "core-read-timeout");
        assertFails(() -> impatient.domains(), Kind.UNAVAILABLE, "core-read-timeout");
        // A retry would have been sent before the call returned. The simulator counts a request when its handler
        // runs, which on a loaded machine can be after the client gave up: wait for the first, then make sure no
        // second one follows.
        assertSeenOnce(VALIDATE);
        assertSeenOnce("/api/domains");
    }

    private void assertSeenOnce(String path) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (sim.requests(path) == 0 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        assertThat(sim.requests(path)).as("requests to " + path + " (a retry would make 2)").isEqualTo(1);
    }

    @Test
    void anHttpErrorIsNeverRetried() {
        sim.failWith(503);
        assertFails(() -> core.validate("alice@bluemind.test", "alice-pw"), Kind.UNAVAILABLE, "HTTP 503");
        assertFails(() -> core.domains(), Kind.UNAVAILABLE, "HTTP 503");
        sim.failWith(500);
        assertFails(() -> core.login("alice@bluemind.test", "alice-pw"), Kind.UNAVAILABLE, "HTTP 500");
        assertThat(sim.requests("/api/")).isEqualTo(3);
    }

    @Test
    void withSeveralUrlsADeadOneIsStillSkippedAndAClosingOneStillAnswers() throws Exception {
        int freePort;
        try (var s = new java.net.ServerSocket(0)) {
            freePort = s.getLocalPort();
        }
        HttpCoreClient two = client("http://127.0.0.1:" + freePort + "," + sim.baseUrl(), "2s");
        sim.closeReusedConnections();
        for (int i = 0; i < 8; i++) {
            assertThat(two.validate("alice@bluemind.test", "alice-pw")).as("validate %d", i).isEqualTo(ValidationResult.PASSWORD);
        }
        assertThat(sim.requests(VALIDATE)).isEqualTo(8);
        assertThat(sim.droppedConnections()).isEqualTo(7);
    }
}
