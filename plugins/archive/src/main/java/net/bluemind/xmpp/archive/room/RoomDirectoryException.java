package net.bluemind.xmpp.archive.room;

/** The MUC component could not tell (its repository failed); the caller answers with a temporary error. */
public final class RoomDirectoryException extends Exception {

    public RoomDirectoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
