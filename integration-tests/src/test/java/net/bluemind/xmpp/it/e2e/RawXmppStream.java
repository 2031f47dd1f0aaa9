package net.bluemind.xmpp.it.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * A client stream on 5222 written and read as raw XML text, so a test sees exactly what the server offers in each
 * phase (stream features before STARTTLS, after TLS, after authentication) and what it answers, with no client
 * library choosing or normalising anything. Reads are by marker: {@link #readUntil} returns the text received up to
 * and including the first occurrence of a marker not yet consumed.
 */
final class RawXmppStream implements AutoCloseable {

    private final Socket plain;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final StringBuilder pending = new StringBuilder();

    private RawXmppStream(Socket plain) throws IOException {
        this.plain = plain;
        this.socket = plain;
        this.in = plain.getInputStream();
        this.out = plain.getOutputStream();
    }

    /** A TCP connection to the e2e server's client port; nothing sent yet. */
    static RawXmppStream connect() throws IOException {
        return connect(null);
    }

    /** As {@link #connect()}, from a loopback address of the caller's (e.g. 127.0.0.26): its own throttle key. */
    static RawXmppStream connect(String localAddress) throws IOException {
        return connect(XmppClients.SERVER, localAddress);
    }

    /** To the client port of the server at {@code host} (e.g. a cluster node), from {@code localAddress} (null: any). */
    static RawXmppStream connect(String host, String localAddress) throws IOException {
        Socket s = new Socket();
        if (localAddress != null) {
            s.bind(new InetSocketAddress(localAddress, 0));
        }
        s.connect(new InetSocketAddress(host, 5222), 5000);
        s.setSoTimeout(15_000);
        return new RawXmppStream(s);
    }

    /** Opens (or, after STARTTLS or authentication, restarts) the stream to the domain; returns the features element. */
    String open(String domain) throws IOException {
        send("<?xml version='1.0'?><stream:stream to='" + domain + "' xmlns='jabber:client' "
                + "xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>");
        return features();
    }

    /** The next {@code <stream:features>...</stream:features>}, alone. */
    String features() throws IOException {
        String text = readUntil("</stream:features>");
        return text.substring(text.indexOf("<stream:features"));
    }

    /** STARTTLS on the open stream (accepting the test server's self-signed certificate); the stream is then reopened by {@link #open}. */
    void startTls(String domain) throws Exception {
        send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
        readUntil("<proceed");
        readUntil("/>");
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {XmppClients.ACCEPT_SELF_SIGNED}, null);
        SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(plain, domain, 5222, true);
        s.startHandshake();
        socket = s;
        in = s.getInputStream();
        out = s.getOutputStream();
        pending.setLength(0);
    }

    /** Connects, STARTTLS, and returns the features of the encrypted stream (before authentication). */
    static RawXmppStream encrypted(String domain) throws Exception {
        return encrypted(domain, null);
    }

    /** As {@link #encrypted(String)}, from the given local address (null: any). */
    static RawXmppStream encrypted(String domain, String localAddress) throws Exception {
        return encryptedAt(XmppClients.SERVER, domain, localAddress);
    }

    /** As {@link #encrypted(String, String)}, to the server at {@code host}. */
    static RawXmppStream encryptedAt(String host, String domain, String localAddress) throws Exception {
        RawXmppStream stream = connect(host, localAddress);
        stream.open(domain);
        stream.startTls(domain);
        return stream;
    }

    void send(String xml) throws IOException {
        out.write(xml.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** How long a read waits for the server before it fails with a SocketTimeoutException (15 s unless set). */
    void readTimeout(java.time.Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
    }

    /** Text received up to and including {@code marker}; what came after it stays for the next read. */
    String readUntil(String marker) throws IOException {
        byte[] buf = new byte[8192];
        int at;
        while ((at = pending.indexOf(marker)) < 0) {
            int n;
            try {
                n = in.read(buf);
            } catch (java.net.SocketTimeoutException e) {
                throw new java.net.SocketTimeoutException("no " + marker + " within the read timeout; received: " + pending);
            }
            if (n < 0) {
                throw new IOException("stream closed before " + marker + "; received: " + pending);
            }
            pending.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
        String text = pending.substring(0, at + marker.length());
        pending.delete(0, at + marker.length());
        return text;
    }

    /**
     * As {@link #readUntil}, asking for an ack ({@code <r/>}, XEP-0198) every 2 s while it waits, as a resumed client
     * does: Tigase 8.4.0 can leave a stanza queued until the client next writes (docs/developers-guide.md, "Known
     * Tigase issues").
     */
    String readUntilAsking(String marker) throws IOException {
        int timeout = socket.getSoTimeout();
        socket.setSoTimeout(2_000);
        long until = System.nanoTime() + 20_000_000_000L;
        try {
            while (true) {
                try {
                    return readUntil(marker);
                } catch (java.net.SocketTimeoutException quiet) {
                    if (System.nanoTime() > until) {
                        throw quiet;
                    }
                    send("<r xmlns='urn:xmpp:sm:3'/>");
                }
            }
        } finally {
            socket.setSoTimeout(timeout);
        }
    }

    /** Reads the next top-level element whose name is one of {@code names} (e.g. success or failure), whole. */
    String readElement(String... names) throws IOException {
        byte[] buf = new byte[8192];
        while (true) {
            for (String name : names) {
                int start = pending.indexOf("<" + name);
                if (start < 0) {
                    continue;
                }
                int gt = pending.indexOf(">", start);
                int end = gt < 0 ? -1 : pending.charAt(gt - 1) == '/' ? gt + 1 : endOf(name, start);
                if (end > 0) {
                    String element = pending.substring(start, end);
                    pending.delete(0, end);
                    return element;
                }
            }
            int n = in.read(buf);
            if (n < 0) {
                throw new IOException("stream closed before any of " + String.join(", ", names) + "; received: " + pending);
            }
            pending.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
    }

    private int endOf(String name, int start) {
        int close = pending.indexOf("</" + name + ">", start);
        return close < 0 ? -1 : close + name.length() + 3;
    }

    /** Encrypted, authenticated through classic SASL PLAIN at the server at {@code host}, the stream restarted; nothing bound yet. */
    static RawXmppStream loggedInAt(String host, String domain, String email, String password) throws Exception {
        RawXmppStream s = encryptedAt(host, domain, null);
        s.open(domain);
        s.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>" + plain(email, password) + "</auth>");
        String answer = s.readElement("success", "failure");
        if (!answer.startsWith("<success")) {
            s.close();
            throw new IOException("login of " + email + " refused: " + answer);
        }
        s.open(domain);
        return s;
    }

    /** Logged in as {@link #loggedInAt} at the e2e server, with {@code resource} bound. */
    static RawXmppStream bound(String domain, String email, String password, String resource) throws Exception {
        RawXmppStream s = loggedInAt(XmppClients.SERVER, domain, email, password);
        s.bind(resource);
        return s;
    }

    /** Binds {@code resource} (after login). */
    void bind(String resource) throws IOException {
        send("<iq type='set' id='bind-r'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>" + resource + "</resource></bind></iq>");
        readUntil("</iq>");
    }

    /** Binds {@code resource}, enables stream management with resumption and sends presence; the resumption id. */
    String bindResumable(String resource) throws IOException {
        bind(resource);
        send("<enable xmlns='urn:xmpp:sm:3' resume='true'/>");
        String enabled = readElement("enabled", "failed");
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("\\sid=[\"']([^\"']+)[\"']").matcher(enabled);
        if (!enabled.startsWith("<enabled") || !enabled.matches("(?s).*resume=[\"']true[\"'].*") || !id.find()) {
            throw new IOException("stream management not enabled with resumption: " + enabled);
        }
        send("<presence/>");
        send("<r xmlns='urn:xmpp:sm:3'/>");
        readElement("a");
        return id.group(1);
    }

    /** The connection cut as a phone losing its network would: a TCP reset, no closing stream tag, no TLS alert. */
    void drop() throws IOException {
        plain.setSoLinger(true, 0);
        plain.close();
    }

    /** The RFC 4616 PLAIN message (no authzid) in base64. */
    static String plain(String login, String password) {
        return Base64.getEncoder().encodeToString(("\0" + login + "\0" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        try {
            send("</stream:stream>");
        } catch (IOException ignored) {
            // already gone
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
