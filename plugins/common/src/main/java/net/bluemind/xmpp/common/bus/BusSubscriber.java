package net.bluemind.xmpp.common.bus;

/**
 * A plugin's interest in bus events. Callbacks run on the bus's own thread; they must not block for
 * long and must not throw (an exception is logged and the message acknowledged anyway).
 */
public interface BusSubscriber {

    /** An event with a valid operation arrived on one of the two BlueMind exchanges. */
    void onEvent(BusEvent event);

    /**
     * The consumer is (re)connected and its queue bound. Events sent while it was away are lost,
     * so subscribers that mirror BlueMind state re-sync from bm-core here.
     */
    default void onConnected() {
    }
}
