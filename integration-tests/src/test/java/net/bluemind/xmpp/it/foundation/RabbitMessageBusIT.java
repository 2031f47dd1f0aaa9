package net.bluemind.xmpp.it.foundation;

import net.bluemind.xmpp.it.support.Await;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import net.bluemind.xmpp.common.bus.BusEvent;
import net.bluemind.xmpp.common.bus.BusSubscriber;
import net.bluemind.xmpp.common.bus.RabbitMessageBus;
import net.bluemind.xmpp.testkit.bus.BusPublisher;
import net.bluemind.xmpp.testkit.services.RabbitMqService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RabbitMessageBus against the real broker: what BlueMind publishes reaches the subscribers. */
class RabbitMessageBusIT {

    private URI amqp;
    private RabbitMessageBus bus;
    private RecordingSubscriber recorder;
    private BusPublisher publisher;

    @BeforeEach
    void start() throws Exception {
        amqp = RabbitMqService.ensureStarted();
        bus = new RabbitMessageBus(amqp, Duration.ofSeconds(2));
        recorder = new RecordingSubscriber();
        bus.subscribe(recorder);
        bus.start();
        // isConnected() turns true before the subscribers' onConnected() has run (a test asserts its count)
        Await.until(Duration.ofSeconds(20), "bus connected to " + amqp.getAuthority() + " and subscribers told",
                () -> bus.isConnected() && recorder.connects.get() >= 1);
        publisher = new BusPublisher(amqp);
    }

    @AfterEach
    void stop() {
        publisher.close();
        bus.close();
    }

    @Test
    void eventsOfBothExchangesAreConsumed() throws Exception {
        assertThat(recorder.connects).hasValue(1);
        publisher.publish(BusPublisher.SYSTEM, "domain.created", Map.of("domain", "acme.test"));
        publisher.publish(BusPublisher.DIRECTORY, "user.roles.changed", Map.of("domain", "acme.test", "uid", "u42"));

        BusEvent first = recorder.next();
        assertThat(first.exchange()).isEqualTo(BusEvent.SYSTEM);
        assertThat(first.operation()).isEqualTo("domain.created");
        assertThat(first.property("domain")).contains("acme.test");
        BusEvent second = recorder.next();
        assertThat(second.exchange()).isEqualTo(BusEvent.DIRECTORY);
        assertThat(second.operation()).isEqualTo("user.roles.changed");
        assertThat(second.property("uid")).contains("u42");
    }

    @Test
    void unknownOperationsAreDeliveredForSubscribersToIgnore() throws Exception {
        publisher.publish(BusPublisher.DIRECTORY, "calendar.changed", Map.of("uid", "c1"));
        assertThat(recorder.next().operation()).isEqualTo("calendar.changed");
    }

    @Test
    void garbageIsAcknowledgedDroppedAndNotRedelivered() throws Exception {
        String queue = bus.queueName();
        assertThat(queue).startsWith("amq.gen-");
        publisher.publishRaw(BusPublisher.SYSTEM, "x", "not json at all".getBytes(StandardCharsets.UTF_8));
        publisher.publishRaw(BusPublisher.SYSTEM, "x", "{\"domain\":\"no operation\"}".getBytes(StandardCharsets.UTF_8));
        publisher.publishRaw(BusPublisher.DIRECTORY, "x", new byte[] {(byte) 0xff, 0x00, 0x01});
        publisher.publish(BusPublisher.SYSTEM, "core.state", Map.of("state", "CORE_STATE_RUNNING"));

        // the good event after the garbage arrives, and nothing else ever does
        assertThat(recorder.next().operation()).isEqualTo("core.state");
        Thread.sleep(500);
        assertThat(recorder.events).isEmpty();
        // the broker holds nothing for the queue: every message, garbage included, was acknowledged
        Await.until(Duration.ofSeconds(10), "queue " + queue + " empty and fully acknowledged",
                () -> "0 0".equals(RabbitMqService.queueCounts(queue)));
        assertThat(bus.isConnected()).isTrue();
    }

    @Test
    void aFailingSubscriberDoesNotStopDelivery() throws Exception {
        bus.subscribe(new BusSubscriber() {
            @Override
            public void onEvent(BusEvent event) {
                throw new IllegalStateException("subscriber bug");
            }

            @Override
            public void onConnected() {
                throw new IllegalStateException("subscriber bug in onConnected");
            }
        });
        publisher.publish(BusPublisher.DIRECTORY, "user.updated", Map.of("domain", "acme.test", "uid", "u1"));
        publisher.publish(BusPublisher.DIRECTORY, "user.deleted", Map.of("domain", "acme.test", "uid", "u2"));
        assertThat(recorder.next().operation()).isEqualTo("user.updated");
        assertThat(recorder.next().operation()).isEqualTo("user.deleted");
        Await.until(Duration.ofSeconds(10), "all acknowledged",
                () -> "0 0".equals(RabbitMqService.queueCounts(bus.queueName())));
    }

    @Test
    void eachNodeHasItsOwnQueueAndSeesEveryEvent() throws Exception {
        RecordingSubscriber other = new RecordingSubscriber();
        try (RabbitMessageBus second = new RabbitMessageBus(amqp, Duration.ofSeconds(2))) {
            second.subscribe(other);
            second.start();
            Await.until(Duration.ofSeconds(20), "second bus connected", second::isConnected);
            assertThat(second.queueName()).isNotEqualTo(bus.queueName());
            publisher.publish(BusPublisher.SYSTEM, "domain.deleted", Map.of("domain", "gone.test"));
            assertThat(recorder.next().property("domain")).contains("gone.test");
            assertThat(other.next().property("domain")).contains("gone.test");
        }
        // the closed bus's exclusive queue went away with its connection
        Thread.sleep(300);
    }
}
