package net.bluemind.xmpp.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A loopback server that behaves as another server's s2s port would, well or badly: stream header and features,
 * STARTTLS over real TLS with a given chain, the restarted stream's features; or garbage, a close, silence, a trickle,
 * a stream error, no STARTTLS. Records the stream headers it is sent.
 */
final class FakeS2sServer implements AutoCloseable {

    enum Mode {
        /** answers properly */
        XMPP,
        /** an HTTP server's answer */
        GARBAGE,
        /** reads the header and closes */
        CLOSE,
        /** reads the header and never answers */
        SILENT,
        /** a byte every 200 ms, forever */
        TRICKLE,
        /** {@code <host-unknown/>} */
        HOST_UNKNOWN,
        /** {@code <host-unknown/>} without a stream header first, as Tigase 8.4.0 refuses a name it does not serve */
        HOST_UNKNOWN_BARE,
        /** {@code <policy-violation/>}, as bm-xmpp's federation policy refuses a server it does not federate with */
        POLICY_VIOLATION,
        /** features without STARTTLS */
        NO_STARTTLS
    }

    static final String DIALBACK = "<dialback xmlns='urn:xmpp:features:dialback'><errors/></dialback>";
    static final String EXTERNAL = "<mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>EXTERNAL</mechanism></mechanisms>";
    static final String HEADER = "<?xml version='1.0'?><stream:stream xmlns='jabber:server' "
            + "xmlns:stream='http://etherx.jabber.org/streams' xmlns:db='jabber:server:dialback' id='x' version='1.0'>";

    private final ServerSocket server;
    private final SSLContext tls;
    private final Mode mode;
    private final boolean required;
    private final String featuresAfterTls;
    final List<String> headersSeen = new CopyOnWriteArrayList<>();

    FakeS2sServer(Mode mode, boolean required, String featuresAfterTls, TestCerts.Issued identity, Certificate... chainAbove)
            throws Exception {
        this.mode = mode;
        this.required = required;
        this.featuresAfterTls = featuresAfterTls;
        tls = TestCerts.serverTls(identity, chainAbove);
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::serve, "fake-s2s");
        t.setDaemon(true);
        t.start();
    }

    static FakeS2sServer of(Mode mode) throws Exception {
        return new FakeS2sServer(mode, false, DIALBACK, TestCerts.selfSignedCa("chat.test", java.time.Duration.ofDays(90)));
    }

    int port() {
        return server.getLocalPort();
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port());
    }

    private void serve() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> converse(s), "fake-s2s-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void converse(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            headersSeen.add(readUntil(in, "version='1.0'>"));
            switch (mode) {
                case GARBAGE -> write(out, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
                case CLOSE -> {
                }
                case SILENT -> Thread.sleep(60_000);
                case TRICKLE -> {
                    write(out, "<?xml version='1.0'?>");
                    for (int i = 0; i < 300; i++) {
                        write(out, " ");
                        Thread.sleep(200);
                    }
                }
                case HOST_UNKNOWN -> write(out, HEADER + "<stream:error><host-unknown xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
                        + "</stream:error></stream:stream>");
                case POLICY_VIOLATION -> write(out, HEADER + "<stream:error><policy-violation xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
                        + "<text xmlns='urn:ietf:params:xml:ns:xmpp-streams'>this server does not federate with"
                        + " bm-xmpp-check.invalid</text></stream:error></stream:stream>");
                case HOST_UNKNOWN_BARE -> write(out, "<stream:error><host-unknown xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
                        + "</stream:error></stream:stream>");
                case NO_STARTTLS -> {
                    write(out, HEADER + "<stream:features>" + DIALBACK + "</stream:features>");
                    readUntil(in, "</stream:stream>");
                }
                case XMPP -> {
                    write(out, HEADER + "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'>"
                            + (required ? "<required/>" : "") + "</starttls>" + DIALBACK + "</stream:features>");
                    readUntil(in, "xmpp-tls'/>");
                    write(out, "<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
                    SSLSocket secured = (SSLSocket) tls.getSocketFactory().createSocket(s, null, s.getPort(), false);
                    secured.setUseClientMode(false);
                    secured.startHandshake();
                    headersSeen.add(readUntil(secured.getInputStream(), "version='1.0'>"));
                    write(secured.getOutputStream(), HEADER + "<stream:features>" + featuresAfterTls + "</stream:features>");
                    readUntil(secured.getInputStream(), "</stream:stream>");
                    secured.close();
                }
                default -> throw new IllegalStateException();
            }
        } catch (IOException | InterruptedException e) {
            // the client went away
        }
    }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String readUntil(InputStream in, String marker) throws IOException {
        StringBuilder b = new StringBuilder();
        while (b.indexOf(marker) < 0) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("closed");
            }
            b.append((char) c);
        }
        return b.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
