package net.bluemind.xmpp.archive.query;

/** The archive store cannot answer now (down, slow, refusing). */
public final class ArchiveUnavailableException extends Exception {

    public ArchiveUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
