package net.bluemind.xmpp.bench.bus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DeliverCallback;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import net.bluemind.xmpp.bench.Benchmark;
import net.bluemind.xmpp.bench.Latencies;
import net.bluemind.xmpp.bench.Report;
import net.bluemind.xmpp.common.bus.BusEvent;
import net.bluemind.xmpp.common.bus.BusSubscriber;
import net.bluemind.xmpp.common.bus.RabbitMessageBus;
import net.bluemind.xmpp.testkit.bus.BusPublisher;
import net.bluemind.xmpp.testkit.services.RabbitMqService;

/**
 * Latency from BlueMind publishing a notification to a subscriber's onEvent, through the real RabbitMQ:
 * RabbitMessageBus against a bare amqp-client consumer on the same broker, one event in flight at a time.
 * The ratio is the bus's own overhead (JSON parsing, thread hop, acknowledgement).
 */
public final class BusRoundTripBenchmark implements Benchmark {

    private static final int WARMUP = 1000;
    private static final int EVENTS = 5000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "bus-roundtrip";
    }

    @Override
    public String description() {
        return "publish -> onEvent latency through RabbitMQ: RabbitMessageBus vs bare amqp-client consumer";
    }

    @Override
    public void run(Report report) throws Exception {
        URI amqp = RabbitMqService.ensureStarted();
        report.note("broker " + amqp.getHost() + ":" + amqp.getPort() + ", " + EVENTS + " events after "
                + WARMUP + " warm-up, one in flight");
        try (BusPublisher publisher = new BusPublisher(amqp)) {
            Latencies raw = measureRaw(amqp, publisher);
            Latencies bus = measureBus(amqp, publisher);
            report.figure("bare consumer p50", raw.percentileMillis(50), "ms");
            report.figure("bare consumer p99", raw.percentileMillis(99), "ms");
            report.figure("RabbitMessageBus p50", bus.percentileMillis(50), "ms");
            report.figure("RabbitMessageBus p99", bus.percentileMillis(99), "ms");
            report.ratio("bus/bare p50", bus.percentileMillis(50), raw.percentileMillis(50));
            report.ratio("bus/bare p99", bus.percentileMillis(99), raw.percentileMillis(99));
        }
    }

    private Latencies measureBus(URI amqp, BusPublisher publisher) throws Exception {
        SynchronousQueue<Long> arrivals = new SynchronousQueue<>();
        try (RabbitMessageBus bus = new RabbitMessageBus(amqp, Duration.ofSeconds(2))) {
            bus.subscribe(new BusSubscriber() {
                @Override
                public void onEvent(BusEvent event) {
                    long now = System.nanoTime();
                    event.property("sent").ifPresent(s -> offer(arrivals, now - Long.parseLong(s)));
                }
            });
            bus.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!bus.isConnected()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("RabbitMessageBus did not connect to " + amqp.getAuthority());
                }
                Thread.sleep(20);
            }
            return loop(publisher, arrivals);
        }
    }

    private Latencies measureRaw(URI amqp, BusPublisher publisher) throws Exception {
        SynchronousQueue<Long> arrivals = new SynchronousQueue<>();
        ConnectionFactory f = new ConnectionFactory();
        f.setUri(amqp);
        try (Connection c = f.newConnection("bench-bare-consumer")) {
            Channel ch = c.createChannel();
            String q = ch.queueDeclare("", false, true, true, null).getQueue();
            ch.queueBind(q, BusPublisher.SYSTEM, "#");
            DeliverCallback onDelivery = (tag, d) -> {
                long now = System.nanoTime();
                ch.basicAck(d.getEnvelope().getDeliveryTag(), false);
                Object sent = JSON.readValue(d.getBody(), Map.class).get("sent");
                offer(arrivals, now - Long.parseLong((String) sent));
            };
            ch.basicConsume(q, false, onDelivery, tag -> { });
            return loop(publisher, arrivals);
        }
    }

    private static Latencies loop(BusPublisher publisher, SynchronousQueue<Long> arrivals) throws Exception {
        Latencies latencies = new Latencies();
        for (int i = 0; i < WARMUP + EVENTS; i++) {
            publisher.publish(BusPublisher.SYSTEM, "bench.ping", Map.of("sent", Long.toString(System.nanoTime())));
            Long nanos = arrivals.poll(10, TimeUnit.SECONDS);
            if (nanos == null) {
                throw new IllegalStateException("event " + i + " not received within 10 s");
            }
            if (i >= WARMUP) {
                latencies.add(nanos);
            }
        }
        return latencies;
    }

    private static void offer(SynchronousQueue<Long> q, long nanos) {
        try {
            q.offer(nanos, 10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
