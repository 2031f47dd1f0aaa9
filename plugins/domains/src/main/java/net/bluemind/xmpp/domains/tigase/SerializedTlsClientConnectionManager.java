package net.bluemind.xmpp.domains.tigase;

import tigase.kernel.beans.Inject;
import tigase.kernel.beans.config.ConfigField;
import tigase.server.MessageRouter;
import tigase.server.Packet;
import tigase.server.xmppclient.ClientConnectionManager;
import tigase.xml.Element;
import tigase.xmpp.XMPPIOService;

/**
 * Tigase's client connection manager (c2s), whose connections serialize their socket I/O
 * ({@link SerializedTlsIOService}): stock Tigase 8.4.0 corrupts a few percent of TLS negotiations (docs/developers-guide.md, "Known
 * Tigase issues"), and whose stream features carry the server's entity capabilities well-formed ({@link ServerEntityCaps}).
 * Configured as {@code c2s/class} in init.properties; everything else is Tigase's.
 */
public class SerializedTlsClientConnectionManager extends ClientConnectionManager {

    @Inject(nullAllowed = true)
    private MessageRouter router;
    private final InlineResumeAfterLogin<Packet> resumes = new InlineResumeAfterLogin<>();

    /** {@code c2s/tls-check-own-certificate[B]}: true validates the server's own certificate at every handshake, as
     * stock Tigase does (the benchmark's "before"); false, the default: never on c2s ({@link OwnCertificateUnchecked}). */
    @ConfigField(desc = "Validate the server's own certificate at every client TLS handshake", alias = "tls-check-own-certificate")
    private boolean checkOwnCertificate = false;

    /** {@code c2s/tcp-nodelay[B]}: true, the default, sets TCP_NODELAY on client sockets ({@link NoDelay}); false leaves
     * them as stock Tigase does (the benchmark's "before"). */
    @ConfigField(desc = "TCP_NODELAY on client connections", alias = "tcp-nodelay")
    private boolean tcpNoDelay = true;

    @Override
    protected XMPPIOService<Object> getXMPPIOServiceInstance() {
        return new SerializedTlsIOService<>(checkOwnCertificate, tcpNoDelay);
    }

    /** The server's entity capabilities in the features, well-formed ({@link ServerEntityCaps}). */
    @Override
    protected void preprocessStreamFeatures(XMPPIOService<Object> serv, Element features) {
        super.preprocessStreamFeatures(serv, features);
        ServerEntityCaps.fix(router, serv, features);
    }

    /** A closed stream's end processed after its last stanzas ({@link StreamCloseLast}). */
    @Override
    protected boolean addOutPacket(Packet packet) {
        return StreamCloseLast.deferred(packet, super::addOutPacket) || super.addOutPacket(packet);
    }

    /** What the client sent before its stream's end is handed on before the end ({@link StreamCloseLast}). */
    @Override
    public void xmppStreamClosed(XMPPIOService<Object> serv) {
        processSocketData(serv);
        super.xmppStreamClosed(serv);
    }

    /** An inline resumption's move of the stream once the connection knows its user ({@link InlineResumeAfterLogin}). */
    @Override
    protected void processCommand(Packet packet) {
        InlineResumeAfterLogin.processCommand(resumes, packet, getXMPPIOService(packet), super::processCommand);
    }
}
