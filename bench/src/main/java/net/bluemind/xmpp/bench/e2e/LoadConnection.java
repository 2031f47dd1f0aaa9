package net.bluemind.xmpp.bench.e2e;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import net.bluemind.xmpp.testkit.tls.AcceptAnyCertificate;

/**
 * One client connection of the load harness, speaking XMPP as plain text over a socket: STARTTLS, SASL PLAIN,
 * bind, initial presence, then stanzas written as given and read up to a marker. Far lighter than a full client
 * library, so that on a small machine the driver leaves the CPU to the server it measures. Not a parser: it relies
 * on the server's answers being the ones asked for (as a load tool like Tsung does, by matching).
 */
final class LoadConnection implements Closeable {

    /** The load tool trusts whatever certificate the server presents: it measures, it does not check identity. */
    static final SSLContext TRUST_ALL = AcceptAnyCertificate.context();

    private final Socket plain;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final byte[] chunk = new byte[16384];
    final String jid;
    /** Nanoseconds each login step took: {@link #STEPS}. */
    final long[] stepNanos = new long[STEPS.length];
    static final String[] STEPS = {"connect + features", "STARTTLS + TLS handshake", "SASL PLAIN", "bind"};
    /** Nanoseconds each part of the TLS step took: {@link #TLS_PARTS}. */
    final long[] tlsPartNanos = new long[TLS_PARTS.length];
    static final String[] TLS_PARTS = {"STARTTLS to proceed", "handshake", "stream restart to features"};

    private LoadConnection(Socket plain, String jid) throws IOException {
        this.plain = plain;
        this.socket = plain;
        this.in = plain.getInputStream();
        this.out = plain.getOutputStream();
        this.jid = jid;
    }

    /** Connects to 127.0.0.1:5222 and logs in as {@code jid}; throws {@link LoginFailed} when a step fails. */
    static LoadConnection login(String jid, String password, int timeoutMillis) throws IOException {
        return login("127.0.0.1", jid, password, timeoutMillis);
    }

    /** The same at {@code host}:5222 (a cluster node's address), or at {@code host:port} when a port is given. */
    static LoadConnection login(String server, String jid, String password, int timeoutMillis) throws IOException {
        String domain = jid.substring(jid.indexOf('@') + 1);
        int colon = server.lastIndexOf(':');
        String host = colon < 0 ? server : server.substring(0, colon);
        int port = colon < 0 ? 5222 : Integer.parseInt(server.substring(colon + 1));
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setSoTimeout(timeoutMillis);
        try {
            s.connect(new InetSocketAddress(host, port), timeoutMillis);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        LoadConnection c = new LoadConnection(s, jid);
        long t = System.nanoTime();
        try {
            c.openStream(domain);
            c.readUntil("</stream:features>", "stream features");
            t = c.step(0, t);
            long part = t;
            c.send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
            c.readUntil("<proceed", "STARTTLS proceed");
            c.readUntil(">", "STARTTLS proceed");
            part = c.tlsPart(0, part);
            SSLSocket tls = (SSLSocket) TRUST_ALL.getSocketFactory().createSocket(s, domain, port, true);
            tls.setSoTimeout(timeoutMillis);
            tls.startHandshake();
            part = c.tlsPart(1, part);
            c.socket = tls;
            c.in = tls.getInputStream();
            c.out = tls.getOutputStream();
            c.openStream(domain);
            c.readUntil("</stream:features>", "stream features after TLS");
            c.tlsPart(2, part);
            t = c.step(1, t);
            String plainAuth = Base64.getEncoder().encodeToString(("\0" + jid + "\0" + password).getBytes(StandardCharsets.UTF_8));
            c.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + plainAuth + "</auth>");
            String answer = c.readUntilAny("SASL answer", "<success", "</failure>");
            if (!answer.contains("<success")) {
                throw new LoginFailed("SASL refused: " + answer.substring(answer.indexOf("<failure")));
            }
            c.readUntil(">", "SASL success");
            c.openStream(domain);
            c.readUntil("</stream:features>", "stream features after SASL");
            t = c.step(2, t);
            c.send("<iq type='set' id='bind'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>load</resource></bind></iq>");
            String bound = c.readUntil("</iq>", "bind");
            if (!bound.contains("type=\"result\"") && !bound.contains("type='result'")) {
                throw new LoginFailed("bind failed: " + bound);
            }
            c.step(3, t);
            c.send("<presence/>");
            return c;
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private long step(int index, long since) {
        long now = System.nanoTime();
        stepNanos[index] = now - since;
        return now;
    }

    private long tlsPart(int index, long since) {
        long now = System.nanoTime();
        tlsPartNanos[index] = now - since;
        return now;
    }

    private void openStream(String domain) throws IOException {
        send("<?xml version='1.0'?><stream:stream to='" + domain + "' version='1.0' xmlns='jabber:client'"
                + " xmlns:stream='http://etherx.jabber.org/streams'>");
    }

    synchronized void send(String xml) throws IOException {
        out.write(xml.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Everything read up to and including {@code marker}; the rest stays for the next read. */
    String readUntil(String marker, String what) throws IOException {
        return readUntilAny(what, marker);
    }

    /** Everything read up to and including the first of the markers found; the rest stays for the next read. */
    String readUntilAny(String what, String... markers) throws IOException {
        while (true) {
            String text = pending.toString(StandardCharsets.ISO_8859_1); // one char a byte: the rest goes back unchanged
            int end = -1;
            for (String m : markers) {
                int at = text.indexOf(m);
                if (at >= 0 && (end < 0 || at + m.length() < end)) {
                    end = at + m.length();
                }
            }
            if (end >= 0) {
                String head = text.substring(0, end);
                byte[] rest = text.substring(end).getBytes(StandardCharsets.ISO_8859_1);
                pending.reset();
                pending.writeBytes(rest);
                return head;
            }
            int n;
            try {
                n = in.read(chunk);
            } catch (SocketTimeoutException e) {
                throw new LoginFailed("no " + what + " within the timeout");
            }
            if (n < 0) {
                throw new LoginFailed("connection closed by the server while waiting for " + what
                        + (text.isEmpty() ? "" : " (last: " + text.substring(Math.max(0, text.length() - 200)) + ")"));
            }
            pending.write(chunk, 0, n);
        }
    }

    /** Sets how long a read may wait (0 = forever), e.g. for a receiver that idles between messages. */
    void readTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    @Override
    public void close() {
        try {
            if (socket != plain && !socket.isClosed()) {
                try {
                    send("</stream:stream>");
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            socket.close();
            plain.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** A step of the login or an expected answer did not come, with what was seen instead. */
    static final class LoginFailed extends IOException {
        LoginFailed(String message) {
            super(message);
        }
    }
}
