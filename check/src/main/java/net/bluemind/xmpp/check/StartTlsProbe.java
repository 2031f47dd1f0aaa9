package net.bluemind.xmpp.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Opens an XMPP stream for a domain, negotiates STARTTLS with SNI and returns what was served: the certificate
 * (c2s, {@link #certificate}) or, as another server sees it (s2s, {@link #server}), the features before TLS, the
 * chain and the features of the stream restarted over TLS. Never hangs: each read waits at most {@link #TIMEOUT_MS},
 * the whole negotiation at most {@link #DEADLINE_MS}.
 */
final class StartTlsProbe {

    static final int TIMEOUT_MS = 5000;
    static final int DEADLINE_MS = 15000;
    private static final String STREAMS = "xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>";

    /** How a negotiation went wrong, for a verdict to word. */
    enum Failure {
        /** nothing answers within the timeout (after the stream header was sent) */
        TIMEOUT,
        /** the server closed the connection */
        CLOSED,
        /** the server answered something that is not an XMPP stream */
        GARBAGE,
        /** the server answered with a stream error (host-unknown...) */
        STREAM_ERROR,
        /** the server offers no STARTTLS */
        NO_STARTTLS,
        /** the server did not answer {@code <proceed/>} to {@code <starttls/>} */
        STARTTLS_REFUSED
    }

    static final class ProbeException extends IOException {
        private static final long serialVersionUID = 1L;
        final Failure failure;

        ProbeException(Failure failure, String message) {
            super(message);
            this.failure = failure;
        }
    }

    /**
     * What a server stream offered: {@code header} and {@code features} before TLS; {@code chain} served in the TLS
     * handshake; {@code headerAfterTls} and {@code featuresAfterTls} of the stream restarted over TLS.
     */
    record Negotiation(String header, String features, X509Certificate[] chain, String headerAfterTls, String featuresAfterTls) {

        boolean startTlsRequired() {
            int tls = features.indexOf("urn:ietf:params:xml:ns:xmpp-tls");
            int end = features.indexOf("</starttls>", tls);
            return tls >= 0 && end > 0 && features.substring(tls, end).contains("required");
        }

        /** Dialback (XEP-0220) as a stream feature, or only declared in the stream header (older servers). */
        boolean dialbackFeature() {
            return featuresAfterTls.contains("urn:xmpp:features:dialback");
        }

        boolean dialbackInHeader() {
            return headerAfterTls.contains("jabber:server:dialback");
        }

        boolean saslExternal() {
            return featuresAfterTls.matches("(?s).*<mechanism>\\s*EXTERNAL\\s*</mechanism>.*");
        }
    }

    private StartTlsProbe() {
    }

    /** c2s: the certificate a client asking for {@code domain} is served. */
    static X509Certificate certificate(String host, int port, String domain) throws IOException {
        return negotiate(new InetSocketAddress(host, port), domain, TIMEOUT_MS, DEADLINE_MS, clientHeader(domain), false).chain()[0];
    }

    /**
     * s2s: opens {@code <stream:stream xmlns='jabber:server' xmlns:db='jabber:server:dialback' to=... from=...>} as a
     * server named {@code from} would, upgrades to TLS and restarts the stream.
     */
    static Negotiation server(InetSocketAddress address, String to, String from) throws IOException {
        return server(address, to, from, TIMEOUT_MS, DEADLINE_MS);
    }

    /** {@link #server(InetSocketAddress, String, String)} with other limits (tests). */
    static Negotiation server(InetSocketAddress address, String to, String from, int timeoutMs, int deadlineMs)
            throws IOException {
        return negotiate(address, to, timeoutMs, deadlineMs, "<?xml version='1.0'?><stream:stream xmlns='jabber:server' "
                + "xmlns:db='jabber:server:dialback' to='" + to + "' from='" + from + "' " + STREAMS, true);
    }

    private static String clientHeader(String domain) {
        return "<?xml version='1.0'?><stream:stream to='" + domain + "' xmlns='jabber:client' " + STREAMS;
    }

    private static Negotiation negotiate(InetSocketAddress address, String domain, int timeoutMs, int deadlineMs,
            String header, boolean restart) throws IOException {
        long deadline = System.nanoTime() + deadlineMs * 1_000_000L;
        try (Socket plain = new Socket()) {
            plain.connect(address, timeoutMs);
            Conversation c = new Conversation(plain, plain.getInputStream(), plain.getOutputStream(), timeoutMs, deadline);
            c.send(header);
            String opened = c.readStream();
            int open = opened.indexOf("<stream:stream");
            int headerEnd = opened.indexOf('>', open);
            String features = opened.substring(headerEnd + 1);
            if (!features.contains("urn:ietf:params:xml:ns:xmpp-tls")) {
                throw new ProbeException(Failure.NO_STARTTLS, "the server does not offer STARTTLS for " + domain);
            }
            c.send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
            String answer = c.read("<proceed", "<failure", "</stream:stream>");
            if (!answer.contains("<proceed")) {
                throw new ProbeException(Failure.STARTTLS_REFUSED, "the server refused STARTTLS: " + shorten(answer));
            }
            try (SSLSocket tls = (SSLSocket) acceptAny().getSocketFactory().createSocket(plain, domain, address.getPort(), true)) {
                SSLParameters params = tls.getSSLParameters();
                params.setServerNames(List.of(new SNIHostName(domain)));
                tls.setSSLParameters(params);
                tls.setSoTimeout(timeoutMs);
                try {
                    tls.startHandshake();
                } catch (SocketTimeoutException e) {
                    throw new ProbeException(Failure.TIMEOUT, "no TLS handshake within " + seconds(timeoutMs) + " after <proceed/>");
                }
                Certificate[] served = tls.getSession().getPeerCertificates();
                X509Certificate[] chain = Arrays.copyOf(served, served.length, X509Certificate[].class);
                if (!restart) {
                    return new Negotiation(opened.substring(open, headerEnd + 1), features, chain, "", "");
                }
                Conversation secured = new Conversation(tls, tls.getInputStream(), tls.getOutputStream(), timeoutMs, deadline);
                secured.send(header.substring(header.indexOf("<stream:stream")));
                String after = secured.readStream();
                int openAfter = after.indexOf("<stream:stream");
                int endAfter = after.indexOf('>', openAfter);
                secured.send("</stream:stream>");
                return new Negotiation(opened.substring(open, headerEnd + 1), features, chain,
                        after.substring(openAfter, endAfter + 1), after.substring(endAfter + 1));
            }
        }
    }

    /** Reads with a per-read timeout and an overall deadline, recognising garbage, stream errors and a close. */
    private record Conversation(Socket socket, InputStream in, OutputStream out, int timeoutMs, long deadline) {

        private static final Pattern STREAM_ERROR = Pattern.compile(
                "<([a-z-]+)[^>]*xmlns=['\"]urn:ietf:params:xml:ns:xmpp-streams['\"]");

        void send(String xml) throws IOException {
            out.write(xml.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /** A stream header and its features. */
        String readStream() throws IOException {
            return read(true, "</stream:features>", "<stream:features/>");
        }

        String read(String... markers) throws IOException {
            return read(false, markers);
        }

        private String read(boolean header, String... markers) throws IOException {
            StringBuilder seen = new StringBuilder();
            byte[] buf = new byte[4096];
            while (Arrays.stream(markers).noneMatch(m -> seen.indexOf(m) >= 0)) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    throw new ProbeException(Failure.TIMEOUT, "no complete answer in time"
                            + (seen.length() == 0 ? "" : " after: " + shorten(seen)));
                }
                socket.setSoTimeout((int) Math.min(timeoutMs, left));
                int n;
                try {
                    n = in.read(buf);
                } catch (SocketTimeoutException e) {
                    throw new ProbeException(Failure.TIMEOUT, (left < timeoutMs ? "no complete answer in time"
                            : "no answer within " + seconds(timeoutMs))
                            + (seen.length() == 0 ? "" : " after: " + shorten(seen)));
                }
                if (n < 0) {
                    throw new ProbeException(Failure.CLOSED, "the server closed the connection"
                            + (seen.length() == 0 ? " without a word" : " after: " + shorten(seen)));
                }
                seen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                // before the header test: Tigase refuses a stream for a name it does not serve with the error alone
                if (seen.indexOf("<stream:error") >= 0 && seen.indexOf("</stream:error>") >= 0) {
                    Matcher m = STREAM_ERROR.matcher(seen.substring(seen.indexOf("<stream:error")));
                    throw new ProbeException(Failure.STREAM_ERROR, "stream error " + (m.find() ? m.group(1) : shorten(seen)));
                }
                if (header && !looksLikeAStream(seen) || seen.length() > 65536) {
                    throw new ProbeException(Failure.GARBAGE, "not an XMPP stream: " + shorten(seen));
                }
            }
            return seen.toString();
        }

        /** Optional XML declaration and white space, then {@code <stream:stream}, or a beginning of those. */
        private static boolean looksLikeAStream(CharSequence seen) {
            String s = seen.toString().stripLeading();
            if (s.startsWith("<?xml")) {
                int end = s.indexOf("?>");
                if (end < 0) {
                    return true;
                }
                s = s.substring(end + 2).stripLeading();
            }
            String open = "<stream:stream";
            return s.startsWith(open) || open.startsWith(s);
        }
    }

    private static String seconds(int ms) {
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    static String shorten(CharSequence seen) {
        String s = seen.toString().replaceAll("[\\p{Cntrl}&&[^\n\t]]", "?").replaceAll("\\s+", " ").trim();
        return "'" + (s.length() > 120 ? s.substring(0, 120) + "..." : s) + "'";
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
