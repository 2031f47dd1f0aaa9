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
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;
import net.bluemind.xmpp.common.settings.CertKeyType;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.asn1.x509.NameConstraints;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes the self-signed server certificate of one BlueMind domain: subject CN = the domain, SAN = every
 * name given (the domain, its aliases, {@code conference.} of each, the server's public host name).
 *
 * <p>The profile is the one every client stack presents as "self-signed, accept?" rather than "invalid"
 * (checked with NSS's own verifier, OpenSSL and GnuTLS, see docs/operators-guide.md, Certificates):
 * <ul>
 * <li>basicConstraints critical, CA:TRUE, pathLen 0. A self-signed certificate is its own issuer; NSS
 * (libpurple/Pidgin) and GnuTLS refuse an issuer that is no CA ({@code SEC_ERROR_CA_CERT_INVALID}, "issuer
 * is not a CA") even after the user accepted it, which left no accept prompt in Pidgin.</li>
 * <li>no keyUsage: with one, NSS and GnuTLS also want keyCertSign on the issuer
 * ({@code SEC_ERROR_INADEQUATE_KEY_USAGE}), and Tigase drops a self-signed certificate with keyCertSign
 * from the chain it serves (it takes it for a root CA), which would leave no certificate at all.</li>
 * <li>no extendedKeyUsage: on a CA certificate NSS reads serverAuth as "may issue TLS server certificates"
 * only and refuses it as a server certificate ({@code SEC_ERROR_INADEQUATE_CERT_TYPE}).</li>
 * <li>nameConstraints critical, permitted = the same names: a user who trusts the certificate as an issuer
 * trusts it for this domain's names only.</li>
 * </ul>
 * The subject's O marks the certificate as generated here, so it can be regenerated when the names change
 * (an operator's certificate never is).
 */
public final class SelfSignedCertificateFactory {

    /** Subject O of every generated certificate: how a generated file is told from an operator's. */
    static final String MARK = "BlueMind XMPP (self-signed)";

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

    /** A certificate for one host and its MUC service. */
    public Generated create(String host) throws GeneralSecurityException {
        return create(List.of(host, "conference." + host));
    }

    /** A certificate for these DNS names; the first is the subject CN. */
    public Generated create(List<String> names) throws GeneralSecurityException {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a certificate needs at least one name");
        }
        List<String> unique = List.copyOf(new LinkedHashSet<>(names));
        KeyPair kp = newKeyPair();
        Instant now = clock.instant();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, MARK)
                .addRDN(BCStyle.CN, unique.get(0))
                .build();
        try {
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, new BigInteger(127, random).add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(validity)), subject, kp.getPublic());
            GeneralName[] dns = unique.stream().map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new);
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(dns));
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            GeneralSubtree[] permitted = Arrays.stream(dns).map(GeneralSubtree::new).toArray(GeneralSubtree[]::new);
            b.addExtension(Extension.nameConstraints, true, new NameConstraints(permitted, null));
            b.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(kp.getPublic()));
            String alg = keyType == CertKeyType.RSA_3072 ? "SHA256withRSA" : "SHA256withECDSA";
            X509Certificate cert = new JcaX509CertificateConverter()
                    .getCertificate(b.build(new JcaContentSignerBuilder(alg).build(kp.getPrivate())));
            return new Generated(cert, kp);
        } catch (OperatorCreationException | java.io.IOException e) {
            throw new GeneralSecurityException("could not build a certificate for " + unique, e);
        }
    }

    /** True when the certificate was generated by this class (any version of it). */
    public static boolean isGenerated(X509Certificate cert) {
        X500Name subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
        return cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())
                && Arrays.stream(subject.getRDNs(BCStyle.O))
                        .anyMatch(rdn -> MARK.equals(rdn.getFirst().getValue().toString()));
    }

    /**
     * True when a generated certificate has today's profile and exactly these names; a generated one that is
     * not (older profile, an alias added or removed, a new public host name) is to be made again.
     */
    public static boolean isCurrent(X509Certificate cert, Collection<String> names) {
        return isGenerated(cert) && cert.getBasicConstraints() >= 0 && cert.getKeyUsage() == null
                && cert.getExtensionValue(Extension.nameConstraints.getId()) != null
                && CertificateNames.dnsNames(cert).equals(new TreeSet<>(names));
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
