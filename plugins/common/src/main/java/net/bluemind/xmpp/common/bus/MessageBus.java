package net.bluemind.xmpp.common.bus;

/**
 * The consumer side of BlueMind's notifications on RabbitMQ (contract section 2): one exclusive,
 * auto-delete queue per node bound to both exchanges, reconnecting by itself with back-off.
 */
public interface MessageBus extends AutoCloseable {

    /** Adds a subscriber; it gets {@link BusSubscriber#onConnected()} at once if already connected. */
    void subscribe(BusSubscriber subscriber);

    /** Starts connecting in the background; never throws because RabbitMQ is down. */
    void start();

    boolean isConnected();

    @Override
    void close();
}
