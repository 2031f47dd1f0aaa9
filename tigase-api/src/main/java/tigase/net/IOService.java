package tigase.net;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ConcurrentMap;

/** Declared members: only those bm-xmpp uses. */
public abstract class IOService<RefObject> {

    public IOService() {
    }

    public void accept(SocketChannel socketChannel, Integer socketInputSize) throws IOException {
        throw new UnsupportedOperationException("declaration only");
    }

    public void forceStop() {
        throw new UnsupportedOperationException("declaration only");
    }

    public java.security.cert.Certificate getLocalCertificate() {
        throw new UnsupportedOperationException("declaration only");
    }

    public void handshakeCompleted(tigase.io.TLSWrapper wrapper) {
        throw new UnsupportedOperationException("declaration only");
    }

    public tigase.xmpp.jid.JID getConnectionId() {
        throw new UnsupportedOperationException("declaration only");
    }

    public ConcurrentMap<String, Object> getSessionData() {
        throw new UnsupportedOperationException("declaration only");
    }

    public SocketChannel getSocketChannel() {
        throw new UnsupportedOperationException("declaration only");
    }

    public boolean isConnected() {
        throw new UnsupportedOperationException("declaration only");
    }

    public abstract void processWaitingPackets() throws IOException;

    public void startTLS(boolean clientMode, boolean wantClientAuth, boolean needClientAuth) throws IOException {
        throw new UnsupportedOperationException("declaration only");
    }

    public void stop() {
        throw new UnsupportedOperationException("declaration only");
    }

    protected char[] readData() throws IOException {
        throw new UnsupportedOperationException("declaration only");
    }

    protected void writeBytes(ByteBuffer data) {
        throw new UnsupportedOperationException("declaration only");
    }

    protected void writeData(String data) {
        throw new UnsupportedOperationException("declaration only");
    }
}
