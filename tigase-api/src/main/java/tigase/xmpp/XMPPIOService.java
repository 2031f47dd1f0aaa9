package tigase.xmpp;

import java.io.IOException;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.locks.ReentrantLock;
import tigase.net.IOService;
import tigase.server.Packet;

/** Declared members: only those bm-xmpp uses. */
public class XMPPIOService<RefObject> extends IOService<RefObject> {

    public ReentrantLock writeInProgress;

    public XMPPIOService() {
    }

    public void addPacketToSend(Packet packet) {
        throw new UnsupportedOperationException("declaration only");
    }

    public Queue<Packet> getWaitingPackets() {
        throw new UnsupportedOperationException("declaration only");
    }

    @Override
    public void forceStop() {
        throw new UnsupportedOperationException("declaration only");
    }

    @Override
    public void processWaitingPackets() throws IOException {
        throw new UnsupportedOperationException("declaration only");
    }

    public String getUserJid() {
        throw new UnsupportedOperationException("declaration only");
    }

    public void writeRawData(String data) throws IOException {
        throw new UnsupportedOperationException("declaration only");
    }

    protected void addReceivedPacket(final Packet packet) {
        throw new UnsupportedOperationException("declaration only");
    }

    protected void xmppStreamOpened(Map<String, String> attribs) {
        throw new UnsupportedOperationException("declaration only");
    }
}
