package tigase.db;

/** Declared members: only those bm-xmpp uses. */
public class DBInitException extends TigaseDBException {

    private static final long serialVersionUID = 1L;

    public DBInitException(String message) {
        super(message);
    }

    public DBInitException(String message, Throwable cause) {
        super(message, cause);
    }
}
