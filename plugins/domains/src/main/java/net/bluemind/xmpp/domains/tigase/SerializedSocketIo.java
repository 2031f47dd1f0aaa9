package net.bluemind.xmpp.domains.tigase;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The locking that makes one Tigase connection's socket reads and writes never run at the same time, shared by the
 * client connections ({@link SerializedTlsIOService}) and the server-to-server ones ({@link SerializedTlsS2SIOService}):
 * each overrides Tigase's read, write, waiting-packets, STARTTLS and stop methods and runs Tigase's own through this.
 * Why: docs/developers-guide.md, "Known Tigase issues" (a TLS read may write and a TLS write may read, so a read and
 * a write on two threads corrupt the TLS engine; the waiting packets can be written twice; {@code <proceed/>} goes out
 * before the TLS layer is in place while a read may already be under way).
 * <p>
 * One lock ({@code io}) covers every read and write of the socket stack; the waiting packets are written under
 * Tigase's own {@code writeInProgress}; from sending {@code <proceed/>} until the TLS layer is installed, the thread
 * doing the switch holds both, so nothing is read or written in between. Lock order everywhere: writeInProgress,
 * then io. Both locks are reentrant: Tigase's write path calls itself (waiting packets, then raw data).
 */
final class SerializedSocketIo {

    static final String TLS_NS = "urn:ietf:params:xml:ns:xmpp-tls";

    /** A Tigase method that reads or writes. */
    interface IoCall<T> {
        T call() throws IOException;
    }

    /** A Tigase method that reads or writes and returns nothing. */
    interface IoRun {
        void run() throws IOException;
    }

    private final ReentrantLock writeInProgress;
    private final ReentrantLock io = new ReentrantLock();
    /** The thread switching this connection to TLS, holding both locks until the switch is done; else null. */
    private volatile Thread switching;

    /** @param writeInProgress the connection's own {@code XMPPIOService.writeInProgress} */
    SerializedSocketIo(ReentrantLock writeInProgress) {
        this.writeInProgress = writeInProgress;
    }

    /** Whether raw data written to the socket is the STARTTLS {@code <proceed/>} (how Tigase's s2s sends it). */
    static boolean isProceed(String raw) {
        return raw != null && raw.startsWith("<proceed") && raw.contains(TLS_NS);
    }

    /** Whether an element queued for the socket is the STARTTLS {@code <proceed/>} (how Tigase's c2s sends it). */
    static boolean isProceed(String elemName, String xmlns) {
        return "proceed".equals(elemName) && TLS_NS.equals(xmlns);
    }

    /**
     * Called before {@code <proceed/>} is queued or written: the calling thread takes both locks and keeps them until
     * {@link #startTls} (or {@link #stopped}) ends the switch. Once per connection; later calls do nothing.
     */
    void proceedComing() {
        if (switching == null) {
            writeInProgress.lock();
            io.lock();
            switching = Thread.currentThread();
        }
    }

    /** Tigase's STARTTLS switch (either side), under both locks; ends a switch this thread began. */
    void startTls(IoRun startTls) throws IOException {
        writeInProgress.lock();
        io.lock();
        try {
            startTls.run();
        } finally {
            io.unlock();
            writeInProgress.unlock();
            switchDone();
        }
    }

    /** The connection is being stopped: a switch this thread began is over. */
    void stopped() {
        switchDone();
    }

    /** Writing the waiting packets, under Tigase's writeInProgress (each is peeked, written, then removed). */
    void writeWaiting(IoRun write) throws IOException {
        writeInProgress.lock();
        try {
            write.run();
        } finally {
            writeInProgress.unlock();
        }
    }

    /** A read from the socket stack. */
    <T> T read(IoCall<T> read) throws IOException {
        io.lock();
        try {
            return read.call();
        } finally {
            io.unlock();
        }
    }

    /** A write to the socket stack (Tigase's write methods do not throw). */
    void write(Runnable write) {
        io.lock();
        try {
            write.run();
        } finally {
            io.unlock();
        }
    }

    private void switchDone() {
        if (switching == Thread.currentThread()) {
            switching = null;
            io.unlock();
            writeInProgress.unlock();
        }
    }
}
