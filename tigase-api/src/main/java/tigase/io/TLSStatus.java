package tigase.io;

/** Declared members: only those bm-xmpp uses. */
public enum TLSStatus {
    NEED_WRITE,
    NEED_READ,
    UNDERFLOW,
    CLOSED,
    OK
}
