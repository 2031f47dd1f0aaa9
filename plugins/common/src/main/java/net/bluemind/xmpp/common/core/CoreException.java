package net.bluemind.xmpp.common.core;

/** A bm-core call that did not give a usable answer. */
public class CoreException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** bm-core answered 401/403: the API token or the request was refused. */
        REJECTED,
        /** bm-core answered 404 where an object was required. */
        NOT_FOUND,
        /** bm-core could not be reached, was too slow, or answered 5xx. Worth retrying later. */
        UNAVAILABLE,
        /** bm-core answered something that does not follow the contract (bad JSON, unexpected status). */
        BAD_RESPONSE
    }

    private final Kind kind;

    public CoreException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public CoreException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isUnavailable() {
        return kind == Kind.UNAVAILABLE;
    }
}
