package net.bluemind.xmpp.bench.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import net.bluemind.xmpp.domains.certs.DomainCertificate;

/**
 * The login baseline of the load benchmark: the least a server can do for the harness's login (STARTTLS, SASL PLAIN,
 * bind, presence), written on the JDK alone, one blocking thread a connection, with the certificate the bundle
 * serves. Same client, same steps, same certificate, same machine in the same run: what is left between its figures
 * and Tigase's is what Tigase and the bundle add. It checks the password against the one every load user has, as a
 * warm credential cache does (no bm-core), and answers nothing else.
 */
final class BareXmppServer implements AutoCloseable {

    private final ServerSocket listener;
    private final SSLContext tls;
    private final String password;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "bare-xmpp");
        t.setDaemon(true);
        return t;
    });

    BareXmppServer(DomainCertificate certificate, String password) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("server", certificate.key(), new char[0], certificate.chain().toArray(new X509Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, new char[0]);
        tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        this.password = password;
        listener = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    /** Where the load harness logs in: {@code 127.0.0.1:<port>}. */
    String address() {
        return "127.0.0.1:" + listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                threads.execute(() -> serve(s));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket plain) {
        try (plain) {
            plain.setTcpNoDelay(true);
            Stream s = new Stream(plain.getInputStream(), plain.getOutputStream());
            s.opened();
            s.send("<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls></stream:features>");
            s.readUntil("/>");
            s.send("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
            SSLSocket t = (SSLSocket) tls.getSocketFactory().createSocket(plain, null, true);
            t.setUseClientMode(false);
            t.startHandshake();
            s = new Stream(t.getInputStream(), t.getOutputStream());
            s.opened();
            s.send("<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><mechanism>PLAIN</mechanism>"
                    + "</mechanisms></stream:features>");
            String auth = s.readUntil("</auth>");
            String b64 = auth.substring(auth.indexOf('>', auth.indexOf("<auth")) + 1, auth.lastIndexOf("</auth>"));
            String[] parts = new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8).split("\0", -1);
            if (parts.length != 3 || !password.equals(parts[2])) {
                s.send("<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'><not-authorized/></failure>");
                return;
            }
            s.send("<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>");
            s.opened();
            s.send("<stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'/></stream:features>");
            s.readUntil("</iq>");
            s.send("<iq type='result' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><jid>" + parts[1] + "/load"
                    + "</jid></bind></iq>");
            s.readUntil("</stream:stream>"); // presence, then whatever comes until the client closes
        } catch (IOException | RuntimeException closedOrBroken) {
            // the client went away: nothing to do
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        threads.shutdownNow();
    }

    /** One direction of the XMPP stream as text, read up to markers (like the harness's client). */
    private static final class Stream {
        private final InputStream in;
        private final OutputStream out;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private final byte[] chunk = new byte[16384];

        Stream(InputStream in, OutputStream out) {
            this.in = in;
            this.out = out;
        }

        /** Reads the client's stream header and answers with the server's; returns the domain asked for. */
        String opened() throws IOException {
            readUntil("<stream:stream");
            String head = readUntil(">");
            int to = head.indexOf("to='");
            String domain = to < 0 ? "" : head.substring(to + 4, head.indexOf('\'', to + 4));
            send("<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'"
                    + " from='" + domain + "' id='" + Long.toHexString(System.nanoTime()) + "' version='1.0'>");
            return domain;
        }

        void send(String xml) throws IOException {
            out.write(xml.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        String readUntil(String marker) throws IOException {
            while (true) {
                String text = pending.toString(StandardCharsets.ISO_8859_1);
                int at = text.indexOf(marker);
                if (at >= 0) {
                    int end = at + marker.length();
                    pending.reset();
                    pending.writeBytes(text.substring(end).getBytes(StandardCharsets.ISO_8859_1));
                    return text.substring(0, end);
                }
                int n = in.read(chunk);
                if (n < 0) {
                    throw new IOException("closed");
                }
                pending.write(chunk, 0, n);
            }
        }
    }
}
