package net.bluemind.xmpp.archive.write;

/** The archive store could not take a request now (unreachable, overloaded, 5xx): retry later. */
public final class SinkUnavailableException extends Exception {

    public SinkUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
