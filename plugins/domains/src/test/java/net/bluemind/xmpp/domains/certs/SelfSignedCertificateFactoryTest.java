package net.bluemind.xmpp.domains.certs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import net.bluemind.xmpp.common.settings.CertKeyType;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The profile of generated certificates (why each extension is there: see {@link SelfSignedCertificateFactory}). */
class SelfSignedCertificateFactoryTest {

    private static final List<String> NAMES = List.of("bluemind.test", "corp.test", "conference.bluemind.test",
            "conference.corp.test", "mail.bluemind.test");

    private static X509Certificate make(CertKeyType type) throws Exception {
        return new SelfSignedCertificateFactory(type, Duration.ofDays(825), Clock.systemUTC()).create(NAMES).certificate();
    }

    @ParameterizedTest
    @EnumSource(CertKeyType.class)
    void aSelfSignedCaWithoutKeyUsagesConstrainedToItsNames(CertKeyType type) throws Exception {
        X509Certificate c = make(type);

        c.verify(c.getPublicKey());
        assertThat(c.getSubjectX500Principal()).isEqualTo(c.getIssuerX500Principal());
        assertThat(c.getSubjectX500Principal().getName()).contains("CN=bluemind.test", "O=BlueMind XMPP (self-signed)");
        assertThat(CertificateNames.dnsNames(c)).containsExactlyInAnyOrderElementsOf(NAMES);
        assertThat(c.getCriticalExtensionOIDs()).containsExactlyInAnyOrder(Extension.basicConstraints.getId(),
                Extension.nameConstraints.getId());
        assertThat(c.getBasicConstraints()).isZero(); // CA, path length 0
        assertThat(c.getKeyUsage()).isNull();
        assertThat(c.getExtendedKeyUsage()).isNull();
        NameConstraints nc = NameConstraints.getInstance(
                ASN1OctetString.getInstance(c.getExtensionValue(Extension.nameConstraints.getId())).getOctets());
        assertThat(nc.getExcludedSubtrees()).isNull();
        assertThat(nc.getPermittedSubtrees()).extracting(t -> t.getBase().getTagNo()).containsOnly(GeneralName.dNSName);
        assertThat(nc.getPermittedSubtrees()).extracting(t -> t.getBase().getName().toString())
                .containsExactlyInAnyOrderElementsOf(NAMES);
    }

    @Test
    void aGeneratedCertificateIsCurrentOnlyForExactlyItsNames() throws Exception {
        X509Certificate c = make(CertKeyType.EC_P256);

        assertThat(SelfSignedCertificateFactory.isGenerated(c)).isTrue();
        assertThat(SelfSignedCertificateFactory.isCurrent(c, new java.util.ArrayList<>(NAMES) {{ java.util.Collections.reverse(this); }})).isTrue();
        assertThat(SelfSignedCertificateFactory.isCurrent(c, NAMES.subList(0, 4))).isFalse();
        assertThat(SelfSignedCertificateFactory.isCurrent(c, List.of("bluemind.test", "conference.bluemind.test",
                "corp.test", "conference.corp.test", "mail.bluemind.test", "other.test"))).isFalse();
    }

    @Test
    void theOlderProfileIsNotCurrentAndAnOperatorsCertificateIsNotOurs() throws Exception {
        SelfSignedCertificateFactory.Generated g = OperatorCertificates.issue(CertKeyType.EC_P256, "bluemind.test");
        assertThat(SelfSignedCertificateFactory.isGenerated(g.certificate())).isFalse();

        // what earlier versions generated: CA:FALSE, critical keyUsage digitalSignature (NSS: invalid chain)
        X500Name subject = new X500Name("O=BlueMind XMPP (self-signed),CN=bluemind.test");
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, BigInteger.TEN,
                Date.from(Instant.now().minusSeconds(60)), Date.from(Instant.now().plusSeconds(86400)), subject,
                g.keyPair().getPublic());
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "bluemind.test"),
                new GeneralName(GeneralName.dNSName, "conference.bluemind.test") }));
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        X509Certificate older = new JcaX509CertificateConverter()
                .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(g.keyPair().getPrivate())));

        assertThat(SelfSignedCertificateFactory.isGenerated(older)).isTrue();
        assertThat(SelfSignedCertificateFactory.isCurrent(older, List.of("bluemind.test", "conference.bluemind.test"))).isFalse();
    }
}
