package net.bluemind.xmpp.it.domains;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import net.bluemind.xmpp.common.bus.RabbitMessageBus;
import net.bluemind.xmpp.common.core.HttpCoreClient;
import net.bluemind.xmpp.common.settings.Keys;
import net.bluemind.xmpp.common.settings.Settings;
import net.bluemind.xmpp.domains.DomainsEngine;
import net.bluemind.xmpp.domains.HostedDomains;
import net.bluemind.xmpp.testkit.bus.BusPublisher;
import net.bluemind.xmpp.testkit.core.BmCoreSimulator;
import net.bluemind.xmpp.testkit.services.RabbitMqService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The domains engine on real RabbitMQ and the bm-core simulator: vhosts follow BlueMind within a second. */
class DomainsBusIT {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    @TempDir
    Path tmp;

    private URI amqp;
    private BmCoreSimulator sim;
    private RabbitMessageBus bus;
    private DomainsEngine engine;
    private BusPublisher publisher;
    private HostedDomains hosted;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

    @BeforeEach
    void start() throws Exception {
        amqp = RabbitMqService.ensureStarted();
        sim = BmCoreSimulator.start();
        sim.addDomain("live-base.test", "live-base.example");
        Settings settings = Settings.defaults()
                .with(Keys.CORE_URL, sim.baseUrl().toString())
                .with(Keys.CORE_TOKEN_FILE, sim.writeTokenFile(tmp).toString())
                .with(Keys.CERTS_DIR, tmp.resolve("certs").toString())
                .with(Keys.BUS_RECONNECT_MAX, "1s");
        bus = new RabbitMessageBus(amqp, Duration.ofSeconds(1));
        bus.start();
        engine = new DomainsEngine(settings, new HttpCoreClient(settings), bus, scheduler, c -> { });
        hosted = engine.hosted();
        engine.start(Duration.ofSeconds(10));
        waitUntil(Duration.ofSeconds(20), "bus connected", bus::isConnected);
        assertThat(hosted.names()).contains("live-base.test", "live-base.example", "acme.test").doesNotContain("global.virt");
        publisher = new BusPublisher(amqp);
    }

    @AfterEach
    void stop() {
        if (publisher != null) {
            publisher.close();
        }
        engine.close();
        bus.close();
        scheduler.shutdownNow();
        sim.close();
    }

    @Test
    void createdUpdatedDeletedAreReflectedWithinASecond() throws Exception {
        sim.addDomain("live.test", "live.example");
        publisher.publish(BusPublisher.SYSTEM, "domain.created", Map.of("domain", "live.test"));
        waitUntil(ONE_SECOND, "live.test and its alias hosted", () -> hosted.contains("live.test") && hosted.contains("live.example"));

        sim.setDomainAliases("live.test", "live2.example");
        publisher.publish(BusPublisher.SYSTEM, "domain.updated", Map.of("domain", "live.test"));
        waitUntil(ONE_SECOND, "alias swapped", () -> hosted.contains("live2.example") && !hosted.contains("live.example"));

        sim.removeDomain("live.test");
        publisher.publish(BusPublisher.SYSTEM, "domain.deleted", Map.of("domain", "live.test"));
        waitUntil(ONE_SECOND, "live.test gone", () -> !hosted.contains("live.test") && !hosted.contains("live2.example"));
        assertThat(hosted.contains("acme.test")).isTrue();
    }

    @Test
    void aDomainCreatedWhileTheBusWasDownAppearsAfterReconnection() throws Exception {
        RabbitMqService.stopApp();
        try {
            waitUntil(Duration.ofSeconds(10), "bus sees the broker gone", () -> !bus.isConnected());
            sim.addDomain("while-down.test"); // its event is lost: nobody is listening
        } finally {
            RabbitMqService.startApp();
        }
        waitUntil(Duration.ofSeconds(20), "while-down.test hosted after reconnection", () -> hosted.contains("while-down.test"));
        assertThat(hosted.contains("acme.test")).isTrue(); // never emptied meanwhile
    }

    @Test
    void eventsStillFlowAfterABrokerRestart() throws Exception {
        RabbitMqService.restart();
        waitUntil(Duration.ofSeconds(20), "bus reconnected", bus::isConnected);
        publisher.close();
        publisher = new BusPublisher(amqp);

        sim.addDomain("after-restart.test");
        publisher.publish(BusPublisher.SYSTEM, "domain.created", Map.of("domain", "after-restart.test"));
        waitUntil(Duration.ofSeconds(2), "after-restart.test hosted", () -> hosted.contains("after-restart.test"));
    }

    @Test
    void garbageOnTheBusIsSurvived() throws Exception {
        publisher.publishRaw(BusPublisher.SYSTEM, "domain.created", "not json".getBytes(StandardCharsets.UTF_8));
        publisher.publishRaw(BusPublisher.SYSTEM, "domain.created", "{\"domain\":\"acme.test\"}".getBytes(StandardCharsets.UTF_8));
        publisher.publish(BusPublisher.SYSTEM, "domain.created", Map.of());
        publisher.publish(BusPublisher.SYSTEM, "domain.created", Map.of("domain", "unknown.test"));
        publisher.publish(BusPublisher.SYSTEM, "domain.deleted", Map.of("domain", "unknown.test"));

        sim.addDomain("good.test");
        publisher.publish(BusPublisher.SYSTEM, "domain.created", Map.of("domain", "good.test"));
        waitUntil(ONE_SECOND, "the good event after the garbage applied", () -> hosted.contains("good.test"));
        assertThat(hosted.contains("unknown.test")).isFalse();
        assertThat(hosted.contains("acme.test")).isTrue();
        assertThat(bus.isConnected()).isTrue();
        String queue = bus.queueName();
        waitUntil(Duration.ofSeconds(10), "everything acknowledged", () -> "0 0".equals(RabbitMqService.queueCounts(queue)));
    }

    @Test
    void newHostsGetACertificateFile() throws Exception {
        sim.addDomain("tls.test");
        publisher.publish(BusPublisher.SYSTEM, "domain.created", Map.of("domain", "tls.test"));
        waitUntil(Duration.ofSeconds(5), "tls.test certificate in service",
                () -> engine.certificates().installed("tls.test").isPresent());
        assertThat(Files.readString(tmp.resolve("certs/tls.test.pem"))).contains("BEGIN PRIVATE KEY");
    }

    private static void waitUntil(Duration max, String what, BooleanSupplier cond) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + max.toMillis() + " ms: " + what);
            }
            Thread.sleep(10);
        }
    }
}
