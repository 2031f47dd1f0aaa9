package net.bluemind.xmpp.check;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates for the tests, made with Bouncy Castle: self-signed, or signed by a throwaway CA. */
final class TestCerts {

    record Issued(X509Certificate cert, KeyPair keys) {
    }

    private TestCerts() {
    }

    static KeyPair keys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        return g.generateKeyPair();
    }

    static Issued selfSigned(String name, Duration validFor) throws Exception {
        KeyPair k = keys();
        return new Issued(sign(name, k, "CN=" + name, k, validFor), k);
    }

    /** Self-signed with basicConstraints CA:TRUE, the profile bm-xmpp generates (NSS offers to accept it). */
    static Issued selfSignedCa(String name, Duration validFor) throws Exception {
        KeyPair k = keys();
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name("CN=" + name), BigInteger.ONE,
                Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validFor)), new X500Name("CN=" + name), k.getPublic());
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, name)));
        b.addExtension(Extension.basicConstraints, true, new org.bouncycastle.asn1.x509.BasicConstraints(0));
        return new Issued(new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(k.getPrivate()))), k);
    }

    /** A certificate for {@code name} issued by a separate (untrusted, throwaway) CA. */
    static Issued caSigned(String name, Duration validFor) throws Exception {
        KeyPair k = keys();
        return new Issued(sign(name, k, "CN=Test CA", keys(), validFor), k);
    }

    /** A certificate for {@code name} issued by {@code ca} (a {@link #selfSignedCa}). */
    static Issued issuedBy(Issued ca, String name, Duration validFor) throws Exception {
        KeyPair k = keys();
        return new Issued(sign(name, k, ca.cert().getSubjectX500Principal().getName(), ca.keys(), validFor), k);
    }

    /** Trusts {@code ca} only, as a server that ships that CA would. */
    static javax.net.ssl.X509TrustManager trusting(X509Certificate ca) throws Exception {
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("ca", ca);
        javax.net.ssl.TrustManagerFactory f = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
        f.init(ks);
        return (javax.net.ssl.X509TrustManager) f.getTrustManagers()[0];
    }

    private static X509Certificate sign(String name, KeyPair subject, String issuer, KeyPair issuerKeys, Duration validFor)
            throws Exception {
        Instant now = Instant.now();
        Instant notBefore = validFor.isNegative() ? now.plus(validFor).minus(Duration.ofDays(30)) : now.minus(Duration.ofMinutes(5));
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer), BigInteger.valueOf(now.toEpochMilli()),
                Date.from(notBefore), Date.from(now.plus(validFor)), new X500Name("CN=" + name), subject.getPublic());
        b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName(GeneralName.dNSName, name)));
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }

    /** A server-side TLS context presenting {@code identity}, followed by {@code chainAbove} (its issuers). */
    static javax.net.ssl.SSLContext serverTls(Issued identity, java.security.cert.Certificate... chainAbove) throws Exception {
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        java.security.cert.Certificate[] chain = new java.security.cert.Certificate[chainAbove.length + 1];
        chain[0] = identity.cert();
        System.arraycopy(chainAbove, 0, chain, 1, chainAbove.length);
        ks.setKeyEntry("id", identity.keys().getPrivate(), "pw".toCharArray(), chain);
        javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance(
                javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "pw".toCharArray());
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        return tls;
    }
}
