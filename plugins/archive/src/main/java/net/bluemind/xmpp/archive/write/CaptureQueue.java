package net.bluemind.xmpp.archive.write;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import net.bluemind.xmpp.archive.ArchivedMessage;

/**
 * The hand-off between the message path and the writer thread: lock-free, bounded, never blocks the caller.
 * A full queue refuses (and counts) instead of slowing message delivery; the writer logs the count.
 */
public final class CaptureQueue {

    /** A queued message. */
    record Queued(ArchivedMessage message) {
    }

    private final ConcurrentLinkedQueue<Queued> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final LongAdder refused = new LongAdder();
    private final int capacity;
    private final int wakeAt;
    private volatile Thread consumer;

    /** @param wakeAt queue size at which the consumer is woken before its flush interval ends */
    public CaptureQueue(int capacity, int wakeAt) {
        this.capacity = capacity;
        this.wakeAt = Math.max(1, Math.min(wakeAt, capacity));
    }

    /** Called on the message path: queued only, spooled within the flush interval. */
    public boolean offer(ArchivedMessage m) {
        int n = size.incrementAndGet();
        if (n > capacity) {
            size.decrementAndGet();
            refused.increment();
            return false;
        }
        queue.offer(new Queued(m));
        if (n == wakeAt) {
            Thread c = consumer;
            if (c != null) {
                LockSupport.unpark(c);
            }
        }
        return true;
    }

    void bindConsumer(Thread t) {
        consumer = t;
    }

    /** The oldest message, or null. */
    Queued poll() {
        Queued m = queue.poll();
        if (m != null) {
            size.decrementAndGet();
        }
        return m;
    }

    /** Moves up to {@code max} messages into {@code out}; returns how many. */
    int drainTo(List<Queued> out, int max) {
        int n = 0;
        Queued m;
        while (n < max && (m = queue.poll()) != null) {
            size.decrementAndGet();
            out.add(m);
            n++;
        }
        return n;
    }

    public int size() {
        return size.get();
    }

    /** Messages refused because the queue was full, since the last call. */
    long takeRefused() {
        return refused.sumThenReset();
    }
}
