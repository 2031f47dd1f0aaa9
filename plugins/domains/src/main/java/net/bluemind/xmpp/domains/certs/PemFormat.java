package net.bluemind.xmpp.domains.certs;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads and writes {@code <host>.pem} files: certificate chain plus private key. Reading accepts what
 * operators usually drop (PKCS#8, OpenSSL "RSA/EC PRIVATE KEY", any order) and checks that the key
 * belongs to one of the certificates; the result is re-written in the one form Tigase's parser takes
 * (certificates, leaf first, then an unencrypted PKCS#8 key).
 */
public final class PemFormat {

    private PemFormat() {
    }

    public static DomainCertificate read(String domain, byte[] content) throws InvalidCertificateException {
        List<X509Certificate> certs = new ArrayList<>();
        List<PrivateKey> keys = new ArrayList<>();
        JcaX509CertificateConverter certConv = new JcaX509CertificateConverter();
        JcaPEMKeyConverter keyConv = new JcaPEMKeyConverter();
        try (PEMParser p = new PEMParser(new StringReader(new String(content, StandardCharsets.US_ASCII)))) {
            Object o;
            while ((o = p.readObject()) != null) {
                if (o instanceof X509CertificateHolder h) {
                    certs.add(certConv.getCertificate(h));
                } else if (o instanceof PrivateKeyInfo k) {
                    keys.add(keyConv.getPrivateKey(k));
                } else if (o instanceof PEMKeyPair kp) {
                    keys.add(keyConv.getPrivateKey(kp.getPrivateKeyInfo()));
                } else if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw new InvalidCertificateException("the private key is encrypted; the server needs it unencrypted");
                }
                // other blocks (EC PARAMETERS, ...) carry nothing we need
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            throw new InvalidCertificateException("not a readable PEM file (" + e.getMessage() + ")", e);
        }
        if (certs.isEmpty()) {
            throw new InvalidCertificateException("no CERTIFICATE block");
        }
        if (keys.isEmpty()) {
            throw new InvalidCertificateException("no PRIVATE KEY block");
        }
        if (keys.size() > 1) {
            throw new InvalidCertificateException(keys.size() + " private keys; expected exactly one");
        }
        PrivateKey key = keys.get(0);
        if (!key.getAlgorithm().equals("RSA") && !key.getAlgorithm().equals("EC")) {
            throw new InvalidCertificateException("key type " + key.getAlgorithm() + " is not supported (RSA or EC only)");
        }
        X509Certificate leaf = certs.stream().filter(c -> matches(key, c.getPublicKey())).findFirst()
                .orElseThrow(() -> new InvalidCertificateException("the private key matches none of the certificates"));
        List<X509Certificate> chain = new ArrayList<>(certs);
        chain.remove(leaf);
        chain.add(0, leaf);
        return new DomainCertificate(domain, chain, key, write(chain, key), sha256(content));
    }

    public static String write(List<X509Certificate> chain, PrivateKey key) throws InvalidCertificateException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            for (X509Certificate c : chain) {
                w.writeObject(c);
            }
            w.writeObject(new JcaPKCS8Generator(key, null));
        } catch (IOException e) {
            throw new InvalidCertificateException("cannot encode certificate (" + e.getMessage() + ")", e);
        }
        return out.toString();
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs a random challenge with the key and verifies it with the certificate's public key. */
    private static boolean matches(PrivateKey key, PublicKey pub) {
        if (!key.getAlgorithm().equals(pub.getAlgorithm())) {
            return false;
        }
        String alg = key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature s = Signature.getInstance(alg);
            s.initSign(key);
            s.update(challenge);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(pub);
            v.update(challenge);
            return v.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
