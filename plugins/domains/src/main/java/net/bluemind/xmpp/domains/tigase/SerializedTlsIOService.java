package net.bluemind.xmpp.domains.tigase;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.security.cert.Certificate;
import java.util.Map;
import net.bluemind.xmpp.domains.phones.HibernatedConnections;
import tigase.io.TLSWrapper;
import tigase.server.Packet;
import tigase.xml.Element;
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
 * The locking is {@link SerializedSocketIo}'s, shared with the server-to-server connections
 * ({@link SerializedTlsS2SIOService}). A stop that is only Tigase's selector race after STARTTLS is not carried out
 * ({@link SelectorReRegistration}). During a SASL2 login nothing overtakes its answer ({@link Sasl2AnswerFirst}), and
 * the answer is completed where Tigase leaves it short: Bind2's stream management {@code <enabled/>} says it is
 * resumable ({@link Bind2ResumableEnabled}), an inline resumption's {@code <resumed/>} has its previd and the
 * success the resumed session's address ({@link InlineResumeAnswer}). A stanza queued while another thread writes is
 * not left waiting ({@link DrainingWriteLock}), and a connection kept for a resumption is recorded for push
 * notifications ({@link HibernatedSessionPush}). A finished TLS handshake does not validate the server's own
 * certificate again, a verdict only server-to-server reads ({@link OwnCertificateUnchecked}). Its socket sends
 * small writes at once ({@link NoDelay}).
 */
public class SerializedTlsIOService<R> extends XMPPIOService<R> {

    /**
     * The session data key under which Tigase's stream management keeps a stopped connection's resumption timer
     * (StreamManagementIOProcessor.RESUMPTION_TASK_KEY, private): present once the connection is hibernated.
     */
    static final String SM_RESUMPTION_TASK = "urn:xmpp:sm:3_resumption-task";

    private final SerializedSocketIo serialized;
    private final SelectorReRegistration selector = new SelectorReRegistration();
    private final Sasl2AnswerFirst<Packet> sasl2 = new Sasl2AnswerFirst<>();
    private final boolean checkOwnCertificate;
    private final boolean tcpNoDelay;
    /** The certificate this connection's handshake presented, when Tigase was not shown it; else null. */
    private volatile Certificate ownCertificate;

    /** A connection whose handshakes do not validate the server's own certificate ({@link OwnCertificateUnchecked}). */
    public SerializedTlsIOService() {
        this(false);
    }

    /** @param checkOwnCertificate true: Tigase validates the server's own certificate at every handshake, as stock */
    public SerializedTlsIOService(boolean checkOwnCertificate) {
        this(checkOwnCertificate, true);
    }

    /**
     * @param checkOwnCertificate true: Tigase validates the server's own certificate at every handshake, as stock
     * @param tcpNoDelay true: TCP_NODELAY on the socket ({@link NoDelay}); false: as stock
     */
    public SerializedTlsIOService(boolean checkOwnCertificate, boolean tcpNoDelay) {
        serialized = new SerializedSocketIo(DrainingWriteLock.install(this));
        this.checkOwnCertificate = checkOwnCertificate;
        this.tcpNoDelay = tcpNoDelay;
    }

    /** Tigase's handshake completion, without validating the server's own certificate ({@link OwnCertificateUnchecked}). */
    @Override
    public void handshakeCompleted(TLSWrapper wrapper) {
        if (checkOwnCertificate) {
            super.handshakeCompleted(wrapper);
            return;
        }
        OwnCertificateUnchecked tls = new OwnCertificateUnchecked(wrapper);
        ownCertificate = tls.ownCertificate(); // before Tigase tells the connection manager, which reads it
        super.handshakeCompleted(tls);
    }

    /** The certificate the server presented on this connection (for SCRAM's tls-server-end-point channel binding). */
    @Override
    public Certificate getLocalCertificate() {
        Certificate own = ownCertificate;
        return own != null ? own : super.getLocalCertificate();
    }

    @Override
    public void addPacketToSend(Packet packet) {
        String name = packet.getElemName();
        String xmlns = packet.getElement().getXMLNS();
        if (SerializedSocketIo.isProceed(name, xmlns)) {
            serialized.proceedComing();
        }
        if ("success".equals(name) && Sasl2AnswerFirst.SASL2.equals(xmlns)) {
            completeSasl2Success(packet.getElement());
        }
        for (Packet p : sasl2.toWrite(packet, name, xmlns)) {
            super.addPacketToSend(p);
        }
    }

    private void completeSasl2Success(Element success) {
        Bind2ResumableEnabled.mark(success);
        InlineResumeAnswer.rememberBind2(success);
        InlineResumeAnswer.complete(success, sasl2.resumedId());
    }

    @Override
    protected void addReceivedPacket(Packet packet) {
        Element resume = packet.getElement().getChild("resume", "urn:xmpp:sm:3");
        sasl2.received(packet.getElemName(), packet.getElement().getXMLNS(),
                resume == null ? null : resume.getAttributeStaticStr("previd"));
        super.addReceivedPacket(packet);
    }

    @Override
    protected void xmppStreamOpened(Map<String, String> attribs) {
        sasl2.streamOpened();
        if (getConnectionId() != null) { // ids are address and port: a new stream may reuse a hibernated one's
            HibernatedConnections.local().forget(getConnectionId().toString());
        }
        super.xmppStreamOpened(attribs);
    }

    @Override
    public void writeRawData(String data) throws IOException {
        if (SerializedSocketIo.isProceed(data)) {
            serialized.proceedComing();
        } else if (data != null && data.startsWith("<enabled")) { // null: Tigase's flush
            InlineResumeAnswer.rememberClassic(data, getUserJid());
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
        if (selector.putBackInsteadOfStop(this)) {
            return;
        }
        serialized.stopped();
        super.forceStop();
        if (getSessionData().containsKey(SM_RESUMPTION_TASK) && getConnectionId() != null) {
            HibernatedConnections.local().hibernated(getConnectionId().toString());
        }
    }

    /** Tigase's accept (or an outgoing connection's completion), then TCP_NODELAY on the socket ({@link NoDelay}). */
    @Override
    public void accept(SocketChannel socketChannel, Integer socketInputSize) throws IOException {
        super.accept(socketChannel, socketInputSize);
        if (tcpNoDelay) {
            NoDelay.on(socketChannel);
        }
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
