package net.bluemind.xmpp.calls;

/** A request answered with an error: its condition and a text for the client. */
public final class ExtdiscoException extends Exception {

    private final ExtdiscoError error;

    public ExtdiscoException(ExtdiscoError error, String text) {
        super(text);
        this.error = error;
    }

    public ExtdiscoError error() {
        return error;
    }
}
