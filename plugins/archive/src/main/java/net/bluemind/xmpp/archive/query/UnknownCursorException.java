package net.bluemind.xmpp.archive.query;

/** An RSM {@code <after/>} or {@code <before/>} names no message of the queried archive. */
public final class UnknownCursorException extends Exception {

    public UnknownCursorException(String id) {
        super("no archived message with id '" + id + "'");
    }
}
