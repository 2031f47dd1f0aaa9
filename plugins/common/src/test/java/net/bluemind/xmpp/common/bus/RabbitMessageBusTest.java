package net.bluemind.xmpp.common.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import net.bluemind.xmpp.common.settings.Keys;
import net.bluemind.xmpp.common.settings.Settings;
import org.junit.jupiter.api.Test;

/** What the bus does without any broker; behaviour against a real RabbitMQ is in integration-tests. */
class RabbitMessageBusTest {

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void startNeverThrowsWhenRabbitMqIsDownAndKeepsRetrying() throws Exception {
        Settings settings = Settings.defaults().with(Keys.AMQP_URI, "amqp://127.0.0.1:" + closedPort())
                .with(Keys.BUS_RECONNECT_MAX, "200ms");
        AtomicInteger connects = new AtomicInteger();
        try (RabbitMessageBus bus = new RabbitMessageBus(settings)) {
            bus.subscribe(new BusSubscriber() {
                @Override
                public void onEvent(BusEvent event) {
                }

                @Override
                public void onConnected() {
                    connects.incrementAndGet();
                }
            });
            bus.start();
            bus.start(); // a second start is harmless
            Thread.sleep(1500);
            assertThat(bus.isConnected()).isFalse();
            assertThat(bus.queueName()).isNull();
            assertThat(connects).hasValue(0);
        }
    }

    @Test
    void closeIsCleanAndIdempotentEvenWhenNeverStarted() throws Exception {
        RabbitMessageBus bus = new RabbitMessageBus(URI.create("amqp://127.0.0.1:" + closedPort()), Duration.ofSeconds(1));
        bus.close();
        bus.close();
        bus.start(); // after close: does nothing
        assertThat(bus.isConnected()).isFalse();
    }

    @Test
    void aBadUriIsReportedAtConstruction() {
        assertThatThrownBy(() -> new RabbitMessageBus(URI.create("http://127.0.0.1:5672"), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a usable AMQP URI");
    }
}
