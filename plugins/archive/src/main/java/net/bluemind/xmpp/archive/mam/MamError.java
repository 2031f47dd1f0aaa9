package net.bluemind.xmpp.archive.mam;

/** A MAM request answered with an XMPP error. {@link #condition()} is the RFC 6120 condition element name. */
public final class MamError extends Exception {

    public enum Condition {
        BAD_REQUEST("bad-request", "modify"),
        FORBIDDEN("forbidden", "auth"),
        ITEM_NOT_FOUND("item-not-found", "cancel"),
        FEATURE_NOT_IMPLEMENTED("feature-not-implemented", "cancel"),
        SERVICE_UNAVAILABLE("service-unavailable", "cancel"),
        INTERNAL_SERVER_ERROR("internal-server-error", "wait");

        public final String element;
        public final String type;

        Condition(String element, String type) {
            this.element = element;
            this.type = type;
        }
    }

    private final Condition condition;

    public MamError(Condition condition, String text) {
        super(text);
        this.condition = condition;
    }

    public Condition condition() {
        return condition;
    }
}
