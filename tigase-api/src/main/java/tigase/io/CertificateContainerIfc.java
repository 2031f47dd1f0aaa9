package tigase.io;

import java.security.cert.CertificateParsingException;
import java.util.Objects;

/** Declared members: only those bm-xmpp uses. */
public interface CertificateContainerIfc {

    void addCertificates(CertificateEntity certificateEntity) throws CertificateParsingException;

    record CertificateEntity(String certificatePem, String alias, boolean storePermanently, boolean useAsDefault) {

        public CertificateEntity {
            Objects.requireNonNull(certificatePem);
            Objects.requireNonNull(alias);
        }
    }
}
