package net.bluemind.xmpp.domains.certs;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A validated certificate for one host: the chain (leaf first), its private key, and the same as a PEM
 * text (certificates, then the key in PKCS#8) in the form Tigase parses; {@code sha256} identifies the
 * file content it came from.
 */
public record DomainCertificate(String domain, List<X509Certificate> chain, PrivateKey key, String pem, String sha256) {

    public DomainCertificate {
        chain = List.copyOf(chain);
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }
}
