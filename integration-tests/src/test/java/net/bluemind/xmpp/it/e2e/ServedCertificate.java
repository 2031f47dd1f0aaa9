package net.bluemind.xmpp.it.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/** The certificate the server presents for a name (SNI), over direct TLS (5223) or STARTTLS (5222). */
final class ServedCertificate {

    private ServedCertificate() {
    }

    /** Direct TLS on 5223 with SNI = name. */
    static X509Certificate direct(String name) throws Exception {
        return direct(5223, name);
    }

    /** Direct TLS on that port (5223, or the web transports' 5281 and 5291) with SNI = name. */
    static X509Certificate direct(int port, String name) throws Exception {
        Socket raw = new Socket();
        raw.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        return handshake(raw, name);
    }

    /** STARTTLS on 5222 with the stream addressed to name and SNI = name. */
    static X509Certificate startTls(String name) throws Exception {
        Socket raw = new Socket();
        raw.connect(new InetSocketAddress("127.0.0.1", 5222), 5000);
        raw.setSoTimeout(10000);
        raw.getOutputStream().write(("<?xml version='1.0'?><stream:stream to='" + name + "' version='1.0' "
                + "xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>").getBytes(StandardCharsets.UTF_8));
        readUntil(raw.getInputStream(), "</stream:features>");
        raw.getOutputStream().write("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>".getBytes(StandardCharsets.UTF_8));
        readUntil(raw.getInputStream(), "<proceed");
        readUntil(raw.getInputStream(), ">"); // the rest of the element: TLS starts right after it
        return handshake(raw, name);
    }

    private static X509Certificate handshake(Socket raw, String name) throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] { XmppClients.ACCEPT_SELF_SIGNED }, new SecureRandom());
        try (SSLSocket tls = (SSLSocket) ctx.getSocketFactory().createSocket(raw, name, raw.getPort(), true)) {
            SSLParameters p = tls.getSSLParameters();
            p.setServerNames(List.of(new SNIHostName(name)));
            tls.setSSLParameters(p);
            tls.setSoTimeout(10000);
            tls.startHandshake();
            return (X509Certificate) tls.getSession().getPeerCertificates()[0];
        }
    }

    private static void readUntil(InputStream in, String marker) throws IOException {
        StringBuilder seen = new StringBuilder();
        while (seen.indexOf(marker) < 0) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("stream closed before " + marker + ": " + seen);
            }
            seen.append((char) b);
        }
    }
}
