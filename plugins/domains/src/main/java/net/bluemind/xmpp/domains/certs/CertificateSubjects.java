package net.bluemind.xmpp.domains.certs;

import java.util.Collection;

/** Told what each domain's certificate must cover, before the domain's hosts are announced. */
public interface CertificateSubjects {

    /** Every domain (a full re-sync): domains not listed are forgotten. */
    void setSubjects(Collection<CertificateSubject> all);

    /** One domain created or changed. */
    void setSubject(CertificateSubject subject);

    void removeSubject(String domainUid);

    CertificateSubjects NONE = new CertificateSubjects() {
        @Override
        public void setSubjects(Collection<CertificateSubject> all) {
        }

        @Override
        public void setSubject(CertificateSubject subject) {
        }

        @Override
        public void removeSubject(String domainUid) {
        }
    };
}
