package tigase.db;

import tigase.component.exceptions.RepositoryException;

public class TigaseDBException extends RepositoryException {

    private static final long serialVersionUID = 1L;

    public TigaseDBException(String message) {
        super(message);
    }

    public TigaseDBException(String message, Throwable cause) {
        super(message, cause);
    }
}
