package net.bluemind.xmpp.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StartTlsProbeTest {

    @Test
    void negotiatesStartTlsWithSniAndReturnsTheServedCertificate() throws Exception {
        TestCerts.Issued id = TestCerts.caSigned("chat.test", Duration.ofDays(3));
        try (FakeXmppTlsServer server = new FakeXmppTlsServer(id)) {
            assertThat(StartTlsProbe.certificate("127.0.0.1", server.port(), "chat.test")).isEqualTo(id.cert());
            assertThat(server.awaitSni()).containsExactly("chat.test");
        }
    }

    @Test
    void aClosedPortIsAnErrorNotAHang() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertThatThrownBy(() -> StartTlsProbe.certificate("127.0.0.1", port, "chat.test")).isInstanceOf(IOException.class);
    }
}
