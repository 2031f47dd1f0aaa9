package net.bluemind.xmpp.domains.tigase;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DrainingWriteLockTest {

    /** A connection's queue as Tigase keeps it: stanzas are offered by any thread, written by the lock's holder. */
    private static final class Connection implements DrainingWriteLock.Queue {
        final ConcurrentLinkedQueue<String> waiting = new ConcurrentLinkedQueue<>();
        final List<String> written = new ArrayList<>();
        final AtomicReference<Exception> failed = new AtomicReference<>();
        volatile boolean failWrites;
        final DrainingWriteLock lock = new DrainingWriteLock(this);

        @Override
        public boolean hasWaiting() {
            return !waiting.isEmpty();
        }

        @Override
        public void writeWaiting() throws IOException {
            lock.lock(); // Tigase's processWaitingPackets runs under the lock again (nested)
            try {
                if (failWrites) {
                    throw new IOException("broken pipe");
                }
                for (String s; (s = waiting.poll()) != null; ) {
                    written.add(s);
                }
                Thread.yield(); // Tigase then tells its processors the packets were sent, still under the lock
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void writeFailed(Exception e) {
            failed.set(e);
        }

        /** Tigase's ConnectionManager.writePacketToSocket: queue, then write only if the lock is free. */
        void send(String stanza) throws IOException {
            waiting.offer(stanza);
            if (lock.tryLock()) {
                try {
                    writeWaiting();
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    @Test
    void aStanzaQueuedWhileAnotherThreadWritesIsWrittenWhenThatThreadReleasesTheLock() throws Exception {
        Connection c = new Connection();
        c.lock.lock();
        Thread other = new Thread(() -> {
            try {
                c.send("message-1");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        other.start();
        other.join();
        assertThat(c.written).as("the other thread could not take the lock: it left its stanza queued").isEmpty();

        c.lock.unlock();

        assertThat(c.written).containsExactly("message-1");
        assertThat(c.waiting).isEmpty();
        assertThat(c.lock.isLocked()).isFalse();
    }

    @Test
    void aNestedReleaseDoesNotWriteTheOutermostDoes() {
        Connection c = new Connection();
        c.lock.lock();
        c.lock.lock();
        c.waiting.offer("message-1");
        c.lock.unlock();
        assertThat(c.written).isEmpty();
        assertThat(c.lock.isHeldByCurrentThread()).isTrue();
        c.lock.unlock();
        assertThat(c.written).containsExactly("message-1");
    }

    @Test
    void aFailedWriteStopsTheConnectionAndLeavesTheLockFree() {
        Connection c = new Connection();
        c.failWrites = true;
        c.lock.lock();
        c.waiting.offer("message-1");
        c.lock.unlock();
        assertThat(c.failed.get()).hasMessage("broken pipe");
        assertThat(c.lock.isLocked()).isFalse();
        assertThat(c.waiting).as("left for Tigase's stop, which returns undelivered stanzas").containsExactly("message-1");
    }

    @Test
    void nothingIsLeftQueuedWhenThreadsSendAtOnce() throws Exception {
        int threads = 4;
        int rounds = 5_000;
        Connection c = new Connection();
        CyclicBarrier together = new CyclicBarrier(threads + 1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                senders.add(pool.submit(() -> {
                    for (int round = 0; round < rounds; round++) {
                        together.await();
                        c.send(thread + "-" + round);
                        together.await();
                    }
                    return null;
                }));
            }
            for (int round = 0; round < rounds; round++) {
                together.await(1, TimeUnit.MINUTES); // all send
                together.await(1, TimeUnit.MINUTES); // all returned: nothing may be left for a later write
                assertThat(c.waiting).as("stranded after round %d", round).isEmpty();
            }
            for (Future<?> f : senders) {
                f.get(1, TimeUnit.MINUTES);
            }
            assertThat(c.written).hasSize(threads * rounds);
        } finally {
            pool.shutdownNow();
        }
    }
}
