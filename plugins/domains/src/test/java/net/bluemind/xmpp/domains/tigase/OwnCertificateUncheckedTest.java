package net.bluemind.xmpp.domains.tigase;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.bluemind.xmpp.common.settings.CertKeyType;
import net.bluemind.xmpp.domains.certs.SelfSignedCertificateFactory;
import org.junit.jupiter.api.Test;
import tigase.io.TLSWrapper;

class OwnCertificateUncheckedTest {

    private final List<String> called = new ArrayList<>();

    /** A finished handshake's wrapper that records what is asked of it and presents {@code local}. */
    private TLSWrapper handshake(Certificate[] local) {
        return (TLSWrapper) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {TLSWrapper.class},
                (proxy, m, args) -> {
                    called.add(m.getName());
                    if (m.getName().equals("getLocalCertificates")) {
                        return local;
                    }
                    return defaultValue(m.getReturnType());
                });
    }

    @Test
    void tigaseSeesNoLocalCertificateSoItValidatesNothingButTheConnectionKeepsIt() throws Exception {
        Certificate cert = new SelfSignedCertificateFactory(CertKeyType.EC_P256, Duration.ofDays(825), Clock.systemUTC())
                .create("bluemind.test").certificate();
        OwnCertificateUnchecked tls = new OwnCertificateUnchecked(handshake(new Certificate[] {cert}));

        assertThat(tls.getLocalCertificates()).isNull();
        assertThat(tls.ownCertificate()).isSameAs(cert);
    }

    @Test
    void noCertificateOrAFailingSessionLeavesNone() {
        assertThat(new OwnCertificateUnchecked(handshake(null)).ownCertificate()).isNull();
        assertThat(new OwnCertificateUnchecked(handshake(new Certificate[0])).ownCertificate()).isNull();
        TLSWrapper failing = (TLSWrapper) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {TLSWrapper.class}, (proxy, m, args) -> {
                    throw new IllegalStateException("no session");
                });
        assertThat(new OwnCertificateUnchecked(failing).ownCertificate()).isNull();
    }

    @Test
    void everythingElseIsTheWrappersOwn() throws Exception {
        OwnCertificateUnchecked tls = new OwnCertificateUnchecked(handshake(null));
        called.clear();
        List<String> expected = new ArrayList<>();
        for (Method m : TLSWrapper.class.getMethods()) {
            if (m.getName().equals("getLocalCertificates")) {
                continue;
            }
            Object[] args = Arrays.stream(m.getParameterTypes()).map(OwnCertificateUncheckedTest::defaultValue).toArray();
            m.invoke(tls, args);
            expected.add(m.getName());
        }
        assertThat(called).containsExactlyElementsOf(expected);
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        return null;
    }
}
