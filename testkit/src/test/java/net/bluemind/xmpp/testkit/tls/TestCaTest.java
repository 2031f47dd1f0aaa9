package net.bluemind.xmpp.testkit.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test CA issues what a strict server verifies: a chain to the CA, the names, both TLS roles, a usable key. */
class TestCaTest {

    @Test
    void issuesACertificateThatChainsToTheCaForEveryNameWithItsKey(@TempDir Path dir) throws Exception {
        assumeTrue(TestCa.unavailable() == null, TestCa.unavailable());
        TestCa ca = TestCa.create(dir, "Unit Test CA");
        TestCa.Issued issued = ca.issue("chat.test", "conference.chat.test");

        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<X509Certificate> chain = cf.generateCertificates(Files.newInputStream(issued.cert())).stream()
                .map(X509Certificate.class::cast).toList();
        X509Certificate root = (X509Certificate) cf.generateCertificate(Files.newInputStream(ca.certificate()));
        assertThat(chain).hasSize(2);
        assertThat(chain.get(1)).isEqualTo(root);
        assertThat(root.getBasicConstraints()).as("the CA is a CA").isGreaterThanOrEqualTo(0);
        X509Certificate leaf = chain.get(0);
        assertThat(leaf.getBasicConstraints()).as("the server certificate is not").isEqualTo(-1);
        assertThat(leaf.getSubjectAlternativeNames().stream().map(san -> String.valueOf(san.get(1))).toList())
                .containsExactly("chat.test", "conference.chat.test");
        assertThat(leaf.getExtendedKeyUsage()).as("serverAuth and clientAuth: servers present it both ways")
                .containsExactlyInAnyOrder("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(ca.directory().toFile().list()).containsExactly("test-ca.pem");

        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("ca", root);
        PKIXParameters params = new PKIXParameters(anchors);
        params.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(cf.generateCertPath(List.of(leaf)), params);

        String pem = Files.readString(issued.key(), StandardCharsets.US_ASCII);
        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----");
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        assertThat(KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der))).isNotNull();
        assertThat(issued.chainAndKey()).contains("BEGIN CERTIFICATE", "BEGIN PRIVATE KEY");
    }
}
