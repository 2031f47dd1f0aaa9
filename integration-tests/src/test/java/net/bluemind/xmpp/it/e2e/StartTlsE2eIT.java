package net.bluemind.xmpp.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
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

    /** 600 on every CI run; more with -Dbmx.e2e.starttls-negotiations=N when hunting a rare failure. */
    private static final int NEGOTIATIONS = Integer.getInteger("bmx.e2e.starttls-negotiations", 600);
    private static final String HEADER = "<?xml version='1.0'?><stream:stream to='" + E2eStack.DOMAIN
            + "' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>";

    @Test
    void everyStartTlsNegotiationSucceeds() throws Exception {
        E2eStack stack = E2eStack.get();
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {XmppClients.ACCEPT_SELF_SIGNED}, null);
        String debug = System.getProperty("bmx.e2e.starttls-debug");
        if (debug != null) {
            stack.restartWith(Map.of(), Map.of("config-type = --gen-config-def", "config-type = --gen-config-def\n--debug = " + debug));
        }
        Map<String, Integer> failures = new TreeMap<>();
        List<String> firstFailures = new ArrayList<>();
        List<Integer> failedPorts = new ArrayList<>();
        for (int i = 0; i < NEGOTIATIONS; i++) {
            int[] port = {0};
            try {
                negotiate(tls, port);
            } catch (IOException e) {
                failures.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1, Integer::sum);
                failedPorts.add(port[0]);
                if (firstFailures.size() < 3) {
                    firstFailures.add(e.toString());
                }
            }
        }
        if (!failedPorts.isEmpty()) {
            printServerSide(stack, failedPorts);
        }
        assertThat(failures).as("failed STARTTLS negotiations of %d (first: %s)", NEGOTIATIONS, firstFailures).isEmpty();
    }

    private static void negotiate(SSLContext tls, int[] localPort) throws IOException {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress("127.0.0.1", 5222), 5000);
            localPort[0] = plain.getLocalPort();
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

    /** What Tigase logged about each failed connection (its id ends with the client's port), for the CI log. */
    private static void printServerSide(E2eStack stack, List<Integer> ports) throws IOException {
        Path logs = stack.tigase.home().resolve("logs");
        List<Path> files;
        try (Stream<Path> list = Files.list(logs)) {
            files = list.filter(f -> f.getFileName().toString().startsWith("tigase.log")).sorted().toList();
        }
        for (Path f : files) {
            for (String line : Files.readAllLines(f, StandardCharsets.ISO_8859_1)) {
                if (ports.stream().anyMatch(p -> line.contains("_" + p + "]") || line.contains("_" + p + ",")
                        || line.contains("_" + p + " ") || line.contains(":" + p))) {
                    System.out.println("starttls: server: " + line);
                }
            }
        }
        System.out.println("starttls: failed negotiations' client ports: " + ports);
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
