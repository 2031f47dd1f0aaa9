package net.bluemind.xmpp.domains;

/**
 * Told of every change of the hosted virtual hosts. Called on the thread that applied the change, in
 * order; implementations must be quick and must not throw (exceptions are logged and swallowed). The one
 * exception to quick: the certificate listener waits (bounded) until a new host has its certificate.
 */
public interface VHostListener {

    void vhostAdded(VHost vhost);

    void vhostRemoved(VHost vhost);

    /** The host stays but now belongs to another BlueMind domain uid. */
    default void vhostUpdated(VHost vhost) {
    }
}
