package net.bluemind.xmpp.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** Opens an XMPP client stream for a domain, negotiates STARTTLS with SNI and returns the certificate served. */
final class StartTlsProbe {

    private static final int TIMEOUT_MS = 5000;

    private StartTlsProbe() {
    }

    static X509Certificate certificate(String host, int port, String domain) throws IOException {
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
            plain.setSoTimeout(TIMEOUT_MS);
            OutputStream out = plain.getOutputStream();
            InputStream in = plain.getInputStream();
            send(out, "<?xml version='1.0'?><stream:stream to='" + domain + "' xmlns='jabber:client' "
                    + "xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>");
            String features = readUntil(in, "</stream:features>");
            if (!features.contains("urn:ietf:params:xml:ns:xmpp-tls")) {
                throw new IOException("the server does not offer STARTTLS for " + domain);
            }
            send(out, "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
            readUntil(in, "<proceed");
            SSLSocket tls = (SSLSocket) acceptAny().getSocketFactory().createSocket(plain, domain, port, true);
            SSLParameters params = tls.getSSLParameters();
            params.setServerNames(List.of(new SNIHostName(domain)));
            tls.setSSLParameters(params);
            tls.startHandshake();
            X509Certificate cert = (X509Certificate) tls.getSession().getPeerCertificates()[0];
            tls.close();
            return cert;
        } finally {
            plain.close();
        }
    }

    private static void send(OutputStream out, String xml) throws IOException {
        out.write(xml.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static String readUntil(InputStream in, String... markers) throws IOException {
        StringBuilder seen = new StringBuilder();
        byte[] buf = new byte[4096];
        while (java.util.Arrays.stream(markers).noneMatch(m -> seen.indexOf(m) >= 0)) {
            int n = in.read(buf);
            if (n < 0 || seen.length() > 65536) {
                throw new IOException("the server closed the stream before '" + markers[0] + "': " + seen);
            }
            seen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
        }
        return seen.toString();
    }

    /** We judge the certificate ourselves (CertificateVerdict): the handshake must not refuse a bad one. */
    static SSLContext acceptAny() throws IOException {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }
}
