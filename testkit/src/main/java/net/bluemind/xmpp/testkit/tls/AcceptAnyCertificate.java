package net.bluemind.xmpp.testkit.tls;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Trust for test and load clients of the local server, whose certificates are self-signed per domain: they act as
 * a user who accepted the certificate. What a client shows for a certificate is tested elsewhere (NSS, OpenSSL,
 * GnuTLS verifiers, bm-xmpp check).
 */
public final class AcceptAnyCertificate {

    public static final X509TrustManager TRUST_MANAGER = new X509TrustManager() {
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
    };

    private AcceptAnyCertificate() {
    }

    /** A TLS context that trusts whatever certificate the server presents. */
    public static SSLContext context() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {TRUST_MANAGER}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS context", e);
        }
    }
}
