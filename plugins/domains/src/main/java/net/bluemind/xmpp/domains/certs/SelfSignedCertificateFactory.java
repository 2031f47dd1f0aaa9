package net.bluemind.xmpp.domains.certs;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import net.bluemind.xmpp.common.settings.CertKeyType;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes a self-signed server certificate for a host: subject CN = the host, SAN = the host and
 * {@code conference.<host>} (the MUC service), usable for TLS server and client (s2s) authentication.
 */
public final class SelfSignedCertificateFactory {

    private final CertKeyType keyType;
    private final Duration validity;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SelfSignedCertificateFactory(CertKeyType keyType, Duration validity, Clock clock) {
        this.keyType = keyType;
        this.validity = validity;
        this.clock = clock;
    }

    public record Generated(X509Certificate certificate, KeyPair keyPair) {
    }

    public Generated create(String host) throws GeneralSecurityException {
        KeyPair kp = newKeyPair();
        Instant now = clock.instant();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, "BlueMind XMPP (self-signed)")
                .addRDN(BCStyle.CN, host)
                .build();
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, new BigInteger(127, random).add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(validity)), subject, kp.getPublic());
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, host),
                    new GeneralName(GeneralName.dNSName, "conference." + host) }));
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            int usage = KeyUsage.digitalSignature | (keyType == CertKeyType.RSA_3072 ? KeyUsage.keyEncipherment : 0);
            b.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                    new KeyPurposeId[] { KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth }));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
            String alg = keyType == CertKeyType.RSA_3072 ? "SHA256withRSA" : "SHA256withECDSA";
            X509Certificate cert = new JcaX509CertificateConverter()
                    .getCertificate(b.build(new JcaContentSignerBuilder(alg).build(kp.getPrivate())));
            return new Generated(cert, kp);
        } catch (OperatorCreationException | java.io.IOException e) {
            throw new GeneralSecurityException("could not build a certificate for " + host, e);
        }
    }

    private KeyPair newKeyPair() throws GeneralSecurityException {
        if (keyType == CertKeyType.RSA_3072) {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(3072, random);
            return g.generateKeyPair();
        }
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), random);
        return g.generateKeyPair();
    }
}
