package net.bluemind.xmpp.domains.certs;

/** A PEM file that cannot be served: the message says why, in words an operator can act on. */
public class InvalidCertificateException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidCertificateException(String message) {
        super(message);
    }

    public InvalidCertificateException(String message, Throwable cause) {
        super(message, cause);
    }
}
