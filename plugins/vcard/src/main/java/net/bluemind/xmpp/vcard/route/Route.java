package net.bluemind.xmpp.vcard.route;

/** What happens to a stanza addressed to a local account, decided by {@link AddressRoutes#decide}. */
public sealed interface Route {

    /** Left to Tigase, as it came. */
    record Pass() implements Route {
    }

    /**
     * Delivered to the owner: the stanza's {@code to} becomes {@code jid} (the resource, if any, kept), before the
     * session manager archives or routes it.
     */
    record Rewrite(String jid) implements Route {
    }

    /**
     * Not delivered: an error of type cancel, RFC 6120 8.3.3.5 {@code <gone/>} carrying {@code xmpp:<jid>}, from the
     * address it was sent to, so that the sender's client learns the address to use.
     */
    record Gone(String jid, String text) implements Route {
    }

    /** Not delivered: a {@code service-unavailable} error (type cancel) back to the sender. */
    record Bounce(String text) implements Route {
    }

    /** Not delivered: a presence of type unsubscribed from the address (RFC 6121 3.1.3: no such contact). */
    record Unsubscribed() implements Route {
    }

    /** Not delivered, nothing answered (RFC 6121 8.5.2.1: silently ignored). */
    record Drop() implements Route {
    }

    Route PASS = new Pass();
    Route DROP = new Drop();
    Route UNSUBSCRIBED = new Unsubscribed();
}
