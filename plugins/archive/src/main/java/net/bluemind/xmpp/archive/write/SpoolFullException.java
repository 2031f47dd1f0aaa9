package net.bluemind.xmpp.archive.write;

/** The spool has reached {@code archive-spool-max}. */
public final class SpoolFullException extends Exception {

    public SpoolFullException(String message) {
        super(message);
    }
}
