package net.bluemind.xmpp.domains.tigase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Proxy;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import net.bluemind.xmpp.common.settings.CertKeyType;
import net.bluemind.xmpp.domains.certs.SelfSignedCertificateFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tigase.cert.CertCheckResult;
import tigase.io.TLSWrapper;

/**
 * A client connection's handshake completion run through Tigase's own {@code IOService.handshakeCompleted}: needs the
 * real Tigase jars ({@code -Dreal-tigase}), skipped with the compile-only declarations. Tigase's listener and SSL
 * context container are set through their public setters, found by name since the declarations leave them out.
 */
class SerializedTlsIOServiceHandshakeTest {

    /** The session datum where Tigase keeps its verdict on the server's own certificate (IOService's constant). */
    private static final String LOCAL_CERT_CHECK_RESULT = "local-cert-check-result";

    private Certificate cert;
    private KeyStore trustStore;
    private final AtomicInteger trustStoreReads = new AtomicInteger();
    private final AtomicReference<Certificate> toldToConnectionManager = new AtomicReference<>();

    @BeforeEach
    void realTigase() throws Exception {
        boolean real;
        try {
            Class.forName("tigase.net.IOServiceListener");
            real = true;
        } catch (ClassNotFoundException declarationsOnly) {
            real = false;
        }
        assumeTrue(real, "needs the real Tigase jars (-Dreal-tigase)");
        cert = new SelfSignedCertificateFactory(CertKeyType.EC_P256, Duration.ofDays(825), Clock.systemUTC())
                .create("bluemind.test").certificate();
        trustStore = KeyStore.getInstance("PKCS12");
        trustStore.load(null, null);
        trustStore.setCertificateEntry("server", cert);
    }

    @Test
    void theServersOwnCertificateIsNotValidatedButStillServesChannelBinding() throws Exception {
        SerializedTlsIOService<Object> connection = connection(false);

        connection.handshakeCompleted(handshake());

        assertThat(trustStoreReads).as("trust store reads").hasValue(0);
        assertThat(connection.getSessionData()).doesNotContainKey(LOCAL_CERT_CHECK_RESULT);
        assertThat(toldToConnectionManager.get()).as("local certificate when the c2s is told").isSameAs(cert);
        assertThat(connection.getLocalCertificate()).isSameAs(cert);
    }

    @Test
    void withTheSettingOnTigaseValidatesItAtEveryHandshakeAsStock() throws Exception {
        SerializedTlsIOService<Object> connection = connection(true);

        connection.handshakeCompleted(handshake());

        assertThat(trustStoreReads).as("trust store reads").hasValue(1);
        assertThat(connection.getSessionData()).containsKey(LOCAL_CERT_CHECK_RESULT);
        assertThat(toldToConnectionManager.get()).isSameAs(cert);
    }

    private SerializedTlsIOService<Object> connection(boolean checkOwnCertificate) throws Exception {
        SerializedTlsIOService<Object> connection = new SerializedTlsIOService<>(checkOwnCertificate);
        Class<?> container = Class.forName("tigase.io.SSLContextContainerIfc");
        connection.getClass().getMethod("setSslContextContainer", container).invoke(connection,
                Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {container}, (p, m, args) -> {
                    if (m.getName().equals("getTrustStore")) {
                        trustStoreReads.incrementAndGet();
                        return trustStore;
                    }
                    throw new UnsupportedOperationException(m.getName());
                }));
        Class<?> listener = Class.forName("tigase.net.IOServiceListener");
        connection.getClass().getMethod("setIOServiceListener", listener).invoke(connection,
                Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {listener}, (p, m, args) -> {
                    if (m.getName().equals("tlsHandshakeCompleted")) {
                        toldToConnectionManager.set(connection.getLocalCertificate());
                        return null;
                    }
                    throw new UnsupportedOperationException(m.getName());
                }));
        return connection;
    }

    /** A server-side handshake that presented {@link #cert}, with a client that sent none. */
    private TLSWrapper handshake() {
        return (TLSWrapper) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {TLSWrapper.class},
                (p, m, args) -> switch (m.getName()) {
                    case "getLocalCertificates" -> new Certificate[] {cert};
                    case "getCertificateStatus" -> CertCheckResult.none;
                    case "isClientMode", "wantClientAuth", "isNeedClientAuth" -> false;
                    case "getTlsUniqueBindingData", "getTlsExporterBindingData" -> new byte[32];
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
