package net.bluemind.xmpp.calls;

/** Why a request gets an error instead of services, and the error's condition. */
public enum ExtdiscoError {
    /** The request is malformed (not a get, an empty type, a credentials request without host or type). */
    BAD_REQUEST,
    /** The plugin is off (no turn-hosts), the requester is not a user of this server, or the secret is unreadable. */
    SERVICE_UNAVAILABLE,
    /** A credentials request for a service this server does not offer. */
    ITEM_NOT_FOUND
}
