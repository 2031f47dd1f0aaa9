package net.bluemind.xmpp.archive.capture;

/** Where in the session manager a message was seen. */
public enum Direction {
    /** Sent by a local user, seen in the sender's own session. */
    OUTGOING,
    /** Being delivered to a local user (online or not). */
    INCOMING
}
