package net.bluemind.xmpp.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.Test;

/**
 * STARTTLS as a client does it, many times over, every negotiation checked to the end (stream header and features
 * read through TLS). Stock Tigase 8.4.0 breaks 1 to 3 in 100 (a second {@code <proceed/>} in plain text, corrupt
 * records, a closed handshake: docs/developers-guide.md, "Known Tigase issues"); the shipped c2s (SerializedTlsClientConnectionManager)
 * none. 600 negotiations: stock Tigase broke 2 of 300 to 22 of 1,000 with a Java client like this one, so none failing
 * there would be a 1-in-60 chance at its best rate.
 */
class StartTlsE2eIT {

    private static final int NEGOTIATIONS = 600;
    private static final String HEADER = "<?xml version='1.0'?><stream:stream to='" + E2eStack.DOMAIN
            + "' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>";

    @Test
    void everyStartTlsNegotiationSucceeds() throws Exception {
        E2eStack stack = E2eStack.get();
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {XmppClients.ACCEPT_SELF_SIGNED}, null);
        Map<String, Integer> failures = new TreeMap<>();
        List<String> firstFailures = new ArrayList<>();
        for (int i = 0; i < NEGOTIATIONS; i++) {
            try {
                negotiate(tls);
            } catch (IOException e) {
                failures.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1, Integer::sum);
                if (firstFailures.size() < 3) {
                    firstFailures.add(e.toString());
                }
            }
        }
        assertThat(failures).as("failed STARTTLS negotiations of %d (first: %s)", NEGOTIATIONS, firstFailures).isEmpty();
    }

    private static void negotiate(SSLContext tls) throws IOException {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress("127.0.0.1", 5222), 5000);
            plain.setSoTimeout(10_000);
            OutputStream out = plain.getOutputStream();
            out.write(HEADER.getBytes(StandardCharsets.UTF_8));
            readUntil(plain.getInputStream(), "</stream:features>");
            out.write("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>".getBytes(StandardCharsets.UTF_8));
            String proceed = readUntil(plain.getInputStream(), "<proceed");
            if (!proceed.trim().endsWith("/>")) {
                readUntil(plain.getInputStream(), "/>");
            }
            try (SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(plain, E2eStack.DOMAIN, 5222, true)) {
                s.startHandshake();
                s.getOutputStream().write(HEADER.getBytes(StandardCharsets.UTF_8));
                readUntil(s.getInputStream(), "</stream:features>");
            }
        }
    }

    private static String readUntil(InputStream in, String marker) throws IOException {
        StringBuilder seen = new StringBuilder();
        byte[] buf = new byte[4096];
        while (seen.indexOf(marker) < 0) {
            int n = in.read(buf);
            if (n < 0) {
                throw new IOException("closed before " + marker);
            }
            seen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
        return seen.toString();
    }
}
