package net.bluemind.xmpp.testkit.services;

/** A real service (RabbitMQ, Elasticsearch) could not be started or driven; the message says why. */
public class ServiceException extends RuntimeException {

    public ServiceException(String message) {
        super(message);
    }

    public ServiceException(String message, Throwable cause) {
        super(message, cause);
    }
}
