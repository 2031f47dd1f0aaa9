package net.bluemind.xmpp.check;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A loopback server that speaks just enough XMPP to negotiate STARTTLS (stream header, features,
 * proceed) and then presents a given certificate over real TLS, recording the SNI names clients ask for.
 */
final class FakeXmppTlsServer implements AutoCloseable {

    private final ServerSocket server;
    private final SSLContext tls;
    final List<String> sniSeen = new CopyOnWriteArrayList<>();

    /**
     * The server names asked for so far, once at least one is in (within 5 s): the server reads them after its side
     * of the handshake, which with TLS 1.3 can end after the client already returned.
     */
    List<String> awaitSni() throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (sniSeen.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return List.copyOf(sniSeen);
    }

    FakeXmppTlsServer(TestCerts.Issued identity) throws Exception {
        tls = TestCerts.serverTls(identity);
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::serve, "fake-xmpp-tls");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                readUntil(in, "version='1.0'>");
                s.getOutputStream().write(("<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
                        + "xmlns:stream='http://etherx.jabber.org/streams' version='1.0'><stream:features>"
                        + "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls></stream:features>")
                        .getBytes(StandardCharsets.UTF_8));
                readUntil(in, "xmpp-tls'/>"); // the whole element: leftovers would corrupt the TLS handshake
                s.getOutputStream().write("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>".getBytes(StandardCharsets.UTF_8));
                SSLSocket secured = (SSLSocket) tls.getSocketFactory().createSocket(s, null, s.getPort(), false);
                secured.setUseClientMode(false);
                secured.startHandshake();
                for (SNIServerName n : ((ExtendedSSLSession) secured.getSession()).getRequestedServerNames()) {
                    sniSeen.add(new String(n.getEncoded(), StandardCharsets.US_ASCII));
                }
                secured.close();
            } catch (IOException e) {
                // the next client gets a fresh try
            }
        }
    }

    private static void readUntil(InputStream in, String marker) throws IOException {
        StringBuilder b = new StringBuilder();
        while (b.indexOf(marker) < 0) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("closed");
            }
            b.append((char) c);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
