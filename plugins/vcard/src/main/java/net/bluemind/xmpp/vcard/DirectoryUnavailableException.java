package net.bluemind.xmpp.vcard;

/** bm-core could not answer and nothing usable was cached: the client gets internal-server-error. */
public class DirectoryUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public DirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
