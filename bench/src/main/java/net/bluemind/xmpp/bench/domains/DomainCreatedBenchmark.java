package net.bluemind.xmpp.bench.domains;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.bluemind.xmpp.bench.Benchmark;
import net.bluemind.xmpp.bench.Latencies;
import net.bluemind.xmpp.bench.Report;
import net.bluemind.xmpp.common.bus.BusEvent;
import net.bluemind.xmpp.common.bus.BusSubscriber;
import net.bluemind.xmpp.common.bus.RabbitMessageBus;
import net.bluemind.xmpp.common.core.HttpCoreClient;
import net.bluemind.xmpp.common.settings.Keys;
import net.bluemind.xmpp.common.settings.Settings;
import net.bluemind.xmpp.domains.DomainsEngine;
import net.bluemind.xmpp.domains.VHost;
import net.bluemind.xmpp.domains.VHostListener;
import net.bluemind.xmpp.testkit.bus.BusPublisher;
import net.bluemind.xmpp.testkit.core.BmCoreSimulator;
import net.bluemind.xmpp.testkit.services.RabbitMqService;

/**
 * Time from BlueMind publishing {@code domain.created} on the real RabbitMQ to the new vhost being hosted
 * (engine + RabbitMessageBus + HTTP lookup in the bm-core simulator), one event in flight. The same events'
 * bus delivery time (a plain subscriber on the same bus) is measured alongside: the ratio is the cost of
 * re-reading the domain and applying it. Goal: p99 below 1 s.
 */
public final class DomainCreatedBenchmark implements Benchmark {

    private static final int WARMUP = 20;
    private static final int EVENTS = 200;

    @Override
    public String name() {
        return "domains-created";
    }

    @Override
    public String description() {
        return "domain.created published on RabbitMQ -> vhost hosted (p50/p99), vs bus delivery of the same events";
    }

    @Override
    public void run(Report report) throws Exception {
        URI amqp = RabbitMqService.ensureStarted();
        Path tmp = Files.createTempDirectory("bench-domains");
        Map<String, Long> delivered = new ConcurrentHashMap<>();
        Map<String, CountDownLatch> waiting = new ConcurrentHashMap<>();
        Map<String, Long> hostedAt = new ConcurrentHashMap<>();
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        try (BmCoreSimulator sim = BmCoreSimulator.start()) {
            Settings settings = Settings.defaults()
                    .with(Keys.CORE_URL, sim.baseUrl().toString())
                    .with(Keys.CORE_TOKEN_FILE, sim.writeTokenFile(tmp).toString())
                    .with(Keys.CERTS_DIR, tmp.resolve("certs").toString());
            try (RabbitMessageBus bus = new RabbitMessageBus(amqp, Duration.ofSeconds(2));
                    DomainsEngine engine = new DomainsEngine(settings, new HttpCoreClient(settings), bus, scheduler, c -> { });
                    BusPublisher publisher = new BusPublisher(amqp)) {
                bus.subscribe(new BusSubscriber() {
                    @Override
                    public void onEvent(BusEvent e) {
                        e.property("domain").ifPresent(d -> delivered.putIfAbsent(d, System.nanoTime()));
                    }
                });
                engine.hosted().addListener(new VHostListener() {
                    @Override
                    public void vhostAdded(VHost v) {
                        hostedAt.putIfAbsent(v.name(), System.nanoTime());
                        CountDownLatch l = waiting.get(v.name());
                        if (l != null) {
                            l.countDown();
                        }
                    }

                    @Override
                    public void vhostRemoved(VHost v) {
                    }
                });
                bus.start();
                engine.start(Duration.ofSeconds(10));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!bus.isConnected() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                if (!bus.isConnected()) {
                    throw new IllegalStateException("bus did not connect to " + amqp.getAuthority());
                }
                Latencies toHosted = new Latencies();
                Latencies toDelivered = new Latencies();
                for (int i = 0; i < WARMUP + EVENTS; i++) {
                    String name = "bench-" + i + ".test";
                    sim.addDomain(name);
                    CountDownLatch latch = new CountDownLatch(1);
                    waiting.put(name, latch);
                    long sent = System.nanoTime();
                    publisher.publish(BusPublisher.SYSTEM, "domain.created", Map.of("domain", name));
                    if (!latch.await(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException(name + " not hosted within 10 s");
                    }
                    if (i >= WARMUP) {
                        toHosted.add(hostedAt.get(name) - sent);
                        toDelivered.add(delivered.getOrDefault(name, hostedAt.get(name)) - sent);
                    }
                }
                report.note(EVENTS + " domain.created events after " + WARMUP + " warm-up, one in flight, broker "
                        + amqp.getAuthority() + ", bm-core simulator " + sim.baseUrl());
                report.figure("event -> vhost hosted p50", toHosted.percentileMillis(50), "ms");
                report.figure("event -> vhost hosted p99", toHosted.percentileMillis(99), "ms");
                report.figure("event -> bus delivery p50", toDelivered.percentileMillis(50), "ms");
                report.figure("event -> bus delivery p99", toDelivered.percentileMillis(99), "ms");
                report.ratio("hosted/delivery p50", toHosted.percentileMillis(50), toDelivered.percentileMillis(50));
                report.ratio("p99 / 1 s goal", toHosted.percentileMillis(99), 1000);
            }
        } finally {
            scheduler.shutdownNow();
        }
    }
}
