package net.bluemind.xmpp.it.foundation;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.bluemind.xmpp.common.bus.BusEvent;
import net.bluemind.xmpp.common.bus.BusSubscriber;

/** Keeps what the bus delivered, for assertions. */
final class RecordingSubscriber implements BusSubscriber {

    final BlockingQueue<BusEvent> events = new LinkedBlockingQueue<>();
    final AtomicInteger connects = new AtomicInteger();

    @Override
    public void onEvent(BusEvent event) {
        events.add(event);
    }

    @Override
    public void onConnected() {
        connects.incrementAndGet();
    }

    BusEvent next() throws InterruptedException {
        BusEvent e = events.poll(10, TimeUnit.SECONDS);
        if (e == null) {
            throw new AssertionError("no bus event within 10 s");
        }
        return e;
    }
}
