package net.bluemind.xmpp.it.foundation;

import net.bluemind.xmpp.it.support.Await;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import net.bluemind.xmpp.common.bus.RabbitMessageBus;
import net.bluemind.xmpp.testkit.bus.BusPublisher;
import net.bluemind.xmpp.testkit.services.RabbitMqService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bus survives the broker going away: it reconnects by itself and tells subscribers to re-sync. */
class RabbitMessageBusReconnectIT {

    private RabbitMessageBus bus;

    @AfterEach
    void cleanUp() {
        if (bus != null) {
            bus.close();
        }
        RabbitMqService.ensureStarted(); // a failed test must not leave the broker stopped
    }

    @Test
    void reconnectsAfterABrokerRestartAndCallsOnConnectedAgain() throws Exception {
        URI amqp = RabbitMqService.ensureStarted();
        RecordingSubscriber recorder = new RecordingSubscriber();
        bus = new RabbitMessageBus(amqp, Duration.ofSeconds(1));
        bus.subscribe(recorder);
        bus.start();
        Await.until(Duration.ofSeconds(20), "first connection", () -> recorder.connects.get() == 1);
        String firstQueue = bus.queueName();

        RabbitMqService.stopApp();
        Await.until(Duration.ofSeconds(10), "bus sees the connection lost", () -> !bus.isConnected());
        Thread.sleep(1500); // a few failed attempts while the broker is down
        assertThat(recorder.connects).hasValue(1);
        RabbitMqService.startApp();

        Await.until(Duration.ofSeconds(20), "reconnection", () -> recorder.connects.get() == 2 && bus.isConnected());
        assertThat(bus.queueName()).isNotEqualTo(firstQueue);
        try (BusPublisher publisher = new BusPublisher(amqp)) {
            publisher.publish(BusPublisher.SYSTEM, "domain.updated", Map.of("domain", "acme.test"));
        }
        assertThat(recorder.next().operation()).isEqualTo("domain.updated");
    }

    @Test
    void startedWhileRabbitMqIsDownItConnectsWhenItComesUp() throws Exception {
        URI amqp = RabbitMqService.ensureStarted();
        RabbitMqService.stopApp();
        RecordingSubscriber recorder = new RecordingSubscriber();
        bus = new RabbitMessageBus(amqp, Duration.ofSeconds(1));
        bus.subscribe(recorder);
        bus.start(); // must not throw
        Thread.sleep(2000);
        assertThat(bus.isConnected()).isFalse();
        assertThat(recorder.connects).hasValue(0);

        RabbitMqService.startApp();
        // isConnected() turns true before the subscribers' onConnected() has run: wait for both
        Await.until(Duration.ofSeconds(20), "connection once RabbitMQ is up and subscribers told",
                () -> bus.isConnected() && recorder.connects.get() >= 1);
        assertThat(recorder.connects).hasValue(1);
        try (BusPublisher publisher = new BusPublisher(amqp)) {
            publisher.publish(BusPublisher.DIRECTORY, "user.password.changed", Map.of("domain", "acme.test", "uid", "u7"));
        }
        assertThat(recorder.next().property("uid")).contains("u7");
    }
}
