package net.bluemind.xmpp.domains.tigase;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SelectorReRegistrationTest {

    private static final String[] SELECTOR_STOP = {"tigase.net.IOService#forceStop",
            "tigase.net.SocketThread#addAllWaiting", "tigase.net.SocketThread#run", "java.lang.Thread#run"};
    /** A selected key cancelled meanwhile: SocketThread.run's CancelledKeyException handler. */
    private static final String[] SELECTED_KEY_CANCELLED = {"tigase.net.IOService#forceStop",
            "tigase.net.SocketThread#run", "java.lang.Thread#run"};
    private static final String[] CLIENT_GONE = {"tigase.net.IOService#forceStop", "tigase.net.IOService#call",
            "java.util.concurrent.FutureTask#run"};

    private ServerSocketChannel server;
    private SocketChannel client;
    private SocketChannel accepted;
    private final AtomicInteger putBacks = new AtomicInteger();
    private final SelectorReRegistration registration = new SelectorReRegistration();

    @BeforeEach
    void connect() throws Exception {
        server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
        client = SocketChannel.open(server.getLocalAddress());
        accepted = server.accept();
    }

    @AfterEach
    void close() throws Exception {
        client.close();
        accepted.close();
        server.close();
    }

    @Test
    void theSelectorsStopOfAConnectedSocketIsReplacedByAPutBack() {
        assertThat(decide(accepted, SELECTOR_STOP)).isTrue();
        assertThat(decide(accepted, SELECTED_KEY_CANCELLED)).isTrue();
        assertThat(putBacks).hasValue(2);
    }

    @Test
    void anyOtherStopGoesThrough() {
        assertThat(decide(accepted, CLIENT_GONE)).isFalse();
        assertThat(decide(accepted, new String[0])).isFalse();
        assertThat(putBacks).hasValue(0);
    }

    @Test
    void aClosedSocketIsStoppedEvenFromTheSelector() throws Exception {
        accepted.close();
        assertThat(decide(accepted, SELECTOR_STOP)).isFalse();
        assertThat(decide(accepted, SELECTED_KEY_CANCELLED)).isFalse();
        assertThat(decide(null, SELECTOR_STOP)).isFalse();
        assertThat(putBacks).hasValue(0);
    }

    @Test
    void afterTheLastPutBackTigasesStopGoesThrough() {
        for (int i = 0; i < SelectorReRegistration.MAX_PUT_BACKS; i++) {
            assertThat(decide(accepted, SELECTOR_STOP)).as("put-back %d", i + 1).isTrue();
        }
        assertThat(decide(accepted, SELECTOR_STOP)).isFalse();
        assertThat(putBacks).hasValue(SelectorReRegistration.MAX_PUT_BACKS);
    }

    private boolean decide(SocketChannel channel, String[] callers) {
        return registration.putBackInsteadOfStop(channel, Stream.of(callers), putBacks::incrementAndGet, "c2s connection");
    }
}
