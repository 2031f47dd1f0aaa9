package net.bluemind.xmpp.domains.tigase;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.junit.jupiter.api.Test;

class NoDelayTest {

    @Test
    void anAcceptedConnectionSendsSmallWritesAtOnce() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             SocketChannel client = SocketChannel.open(server.getLocalAddress());
             SocketChannel accepted = server.accept()) {
            assertThat(accepted.getOption(StandardSocketOptions.TCP_NODELAY)).as("the JDK's default").isFalse();
            NoDelay.on(accepted);
            assertThat(accepted.getOption(StandardSocketOptions.TCP_NODELAY)).isTrue();
        }
    }

    @Test
    void aClosedSocketIsLeftAsItIs() throws Exception {
        SocketChannel closed = SocketChannel.open();
        closed.close();
        NoDelay.on(closed); // ClosedChannelException, an IOException: logged, not thrown
        assertThat(closed.isOpen()).isFalse();
    }
}
