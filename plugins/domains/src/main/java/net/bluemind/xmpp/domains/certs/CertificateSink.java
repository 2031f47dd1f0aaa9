package net.bluemind.xmpp.domains.certs;

/** Where validated certificates go (the Tigase adapter hands them to its certificate container). */
@FunctionalInterface
public interface CertificateSink {

    void install(DomainCertificate certificate) throws Exception;
}
