package net.bluemind.xmpp.common.bus;

import net.bluemind.xmpp.common.settings.Settings;

/** PLACEHOLDER being written (issue 2): the RabbitMQ implementation of {@link MessageBus}. */
public class RabbitMessageBus implements MessageBus {
    public RabbitMessageBus(Settings settings) {
        throw new UnsupportedOperationException("not written yet");
    }
    public void subscribe(BusSubscriber s) { throw new UnsupportedOperationException(); }
    public void start() { throw new UnsupportedOperationException(); }
    public boolean isConnected() { return false; }
    public void close() { }
}
