package net.bluemind.xmpp.domains.tigase;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import tigase.server.Packet;
import tigase.server.xmppserver.S2SIOService;

/**
 * A server-to-server connection whose reads and writes never run at the same time: the same race as on client
 * connections ({@link SerializedTlsIOService}) exists on s2s in stock Tigase 8.4.0. Tigase's s2s {@code StartTLS}
 * writes {@code <proceed/>} as raw data, then starts TLS, with reads and writes not serialized; the peer saw broken
 * records ("bad record type" in Prosody's log) and dropped the link with the stanzas it had queued for it
 * (docs/developers-guide.md, "Known Tigase issues"). Same locking ({@link SerializedSocketIo}); everything else is
 * Tigase's {@code S2SIOService}. Made by {@link SerializedTlsServerConnectionManager}.
 */
public class SerializedTlsS2SIOService extends S2SIOService {

    private final SerializedSocketIo serialized;

    public SerializedTlsS2SIOService() {
        serialized = new SerializedSocketIo(DrainingWriteLock.install(this));
    }

    /** Tigase's accept (or an outgoing connection's completion), then TCP_NODELAY on the socket ({@link NoDelay}). */
    @Override
    public void accept(SocketChannel socketChannel, Integer socketInputSize) throws IOException {
        super.accept(socketChannel, socketInputSize);
        NoDelay.on(socketChannel);
    }

    @Override
    public void addPacketToSend(Packet packet) {
        if (SerializedSocketIo.isProceed(packet.getElemName(), packet.getElement().getXMLNS())) {
            serialized.proceedComing();
        }
        super.addPacketToSend(packet);
    }

    @Override
    public void writeRawData(String data) throws IOException {
        if (SerializedSocketIo.isProceed(data)) {
            serialized.proceedComing();
        }
        super.writeRawData(data);
    }

    @Override
    public void processWaitingPackets() throws IOException {
        serialized.writeWaiting(super::processWaitingPackets);
    }

    @Override
    public void startTLS(boolean clientMode, boolean wantClientAuth, boolean needClientAuth) throws IOException {
        serialized.startTls(() -> super.startTLS(clientMode, wantClientAuth, needClientAuth));
    }

    @Override
    public void forceStop() {
        serialized.stopped();
        super.forceStop();
    }

    @Override
    protected char[] readData() throws IOException {
        return serialized.read(super::readData);
    }

    @Override
    protected void writeData(String data) {
        serialized.write(() -> super.writeData(data));
    }

    @Override
    protected void writeBytes(ByteBuffer data) {
        serialized.write(() -> super.writeBytes(data));
    }
}
