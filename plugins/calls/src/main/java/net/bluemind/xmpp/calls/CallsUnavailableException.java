package net.bluemind.xmpp.calls;

/** The services cannot be given now (secret unreadable): the request is answered service-unavailable. */
public final class CallsUnavailableException extends Exception {

    public CallsUnavailableException(String message) {
        super(message);
    }
}
