package net.bluemind.xmpp.domains.tigase;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.ReentrantLock;
import tigase.server.Packet;
import tigase.xmpp.XMPPIOService;

/**
 * A client connection whose reads and writes never run at the same time. In stock Tigase 8.4.0 a read on the
 * socket thread and a write on a component thread use one connection's TLS engine and socket concurrently (a TLS
 * read may write handshake records, a TLS write may read), the waiting packets can be written twice, and the
 * STARTTLS switch writes {@code <proceed/>} before the TLS layer is in place while a read may already be under way.
 * Clients then see corrupt records, a second {@code <proceed/>} in plain text, or a closed handshake: measured with
 * scripts/diagnose/starttls-stress.py, 29 of 1,000 sequential STARTTLS negotiations failed (Python and Java clients
 * alike), 0 of 1,000 with this class.
 * <p>
 * One lock covers every read and write of the socket stack; the waiting packets are written under Tigase's own
 * {@code writeInProgress}; from queueing {@code <proceed/>} until the TLS layer is installed, the thread doing the
 * switch holds both, so nothing is read or written in between. Lock order everywhere: writeInProgress, then io.
 */
public class SerializedTlsIOService<R> extends XMPPIOService<R> {

    private static final String TLS_NS = "urn:ietf:params:xml:ns:xmpp-tls";

    private final ReentrantLock io = new ReentrantLock();
    /** The thread switching this connection to TLS, holding both locks until the switch is done; else null. */
    private volatile Thread switching;

    @Override
    public void addPacketToSend(Packet packet) {
        if (switching == null && "proceed".equals(packet.getElemName()) && TLS_NS.equals(packet.getElement().getXMLNS())) {
            writeInProgress.lock();
            io.lock();
            switching = Thread.currentThread();
        }
        super.addPacketToSend(packet);
    }

    @Override
    public void processWaitingPackets() throws IOException {
        writeInProgress.lock();
        try {
            super.processWaitingPackets();
        } finally {
            writeInProgress.unlock();
        }
    }

    @Override
    public void startTLS(boolean clientMode, boolean wantClientAuth, boolean needClientAuth) throws IOException {
        try {
            super.startTLS(clientMode, wantClientAuth, needClientAuth);
        } finally {
            switchDone();
        }
    }

    @Override
    public void forceStop() {
        switchDone();
        super.forceStop();
    }

    private void switchDone() {
        if (switching == Thread.currentThread()) {
            switching = null;
            io.unlock();
            writeInProgress.unlock();
        }
    }

    @Override
    protected char[] readData() throws IOException {
        io.lock();
        try {
            return super.readData();
        } finally {
            io.unlock();
        }
    }

    @Override
    protected void writeData(String data) {
        io.lock();
        try {
            super.writeData(data);
        } finally {
            io.unlock();
        }
    }

    @Override
    protected void writeBytes(ByteBuffer data) {
        io.lock();
        try {
            super.writeBytes(data);
        } finally {
            io.unlock();
        }
    }
}
