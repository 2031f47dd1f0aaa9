package net.bluemind.xmpp.domains.tigase;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import tigase.net.SocketThread;
import tigase.xmpp.XMPPIOService;

/**
 * A connection's {@code writeInProgress} that, when released, writes what was queued while it was held.
 * <p>
 * Why: in stock Tigase 8.4.0 a thread with a stanza for a connection queues it, then {@code tryLock}s this lock and,
 * if it gets it, writes the queue; if another thread holds the lock, the stanza is left for that thread. But the
 * holder may have already found the queue empty and be about to release: the stanza then waits until the client
 * writes something (Tigase's socket thread writes the queue after each read). A client that only listens (a phone
 * after a resumption, a client waiting for a disco#info answer) never gets it. Measured with
 * {@code QuietClientE2eIT}; docs/developers-guide.md, "Known Tigase issues", "Stranded stanzas".
 * <p>
 * The check after release is enough: a thread that queued a stanza and failed to take the lock did so while the
 * holder held it, so the holder, checking after its release, sees that stanza (volatile accesses are totally ordered).
 */
final class DrainingWriteLock extends ReentrantLock {

    private static final Logger LOG = Logger.getLogger(DrainingWriteLock.class.getName());

    /** The connection's side: what is queued, writing it, and what to do when the socket fails. */
    interface Queue {
        boolean hasWaiting();

        void writeWaiting() throws IOException;

        void writeFailed(Exception e);
    }

    private final transient Queue queue;

    DrainingWriteLock(Queue queue) {
        this.queue = queue;
    }

    /**
     * Puts a draining lock in place of the connection's {@code writeInProgress}; called from the connection's
     * constructor, before anything can hold the lock. Writing the queue is what Tigase's ConnectionManager does after
     * it gets the lock (write, then let the socket thread finish a partial write; stop the connection on failure).
     */
    static DrainingWriteLock install(XMPPIOService<?> connection) {
        DrainingWriteLock lock = new DrainingWriteLock(new Queue() {
            @Override
            public boolean hasWaiting() {
                return connection.isConnected() && !connection.getWaitingPackets().isEmpty();
            }

            @Override
            public void writeWaiting() throws IOException {
                connection.processWaitingPackets();
                SocketThread.addSocketService(connection);
            }

            @Override
            public void writeFailed(Exception e) {
                connection.forceStop();
            }
        });
        connection.writeInProgress = lock;
        return lock;
    }

    @Override
    public void unlock() {
        super.unlock();
        if (getHoldCount() > 0) {
            return; // a nested release: the outermost one writes
        }
        while (queue.hasWaiting() && tryLock()) {
            try {
                queue.writeWaiting();
            } catch (Exception e) {
                LOG.log(Level.FINE, "writing the stanzas queued during another write failed", e);
                super.unlock();
                queue.writeFailed(e);
                return;
            }
            super.unlock();
        }
    }
}
