package net.bluemind.xmpp.domains.tigase;

import tigase.cluster.ClientConnectionClustered;
import tigase.kernel.beans.Inject;
import tigase.kernel.beans.config.ConfigField;
import tigase.server.MessageRouter;
import tigase.server.Packet;
import tigase.xml.Element;
import tigase.xmpp.XMPPIOService;

/**
 * {@link SerializedTlsClientConnectionManager} for a node in Tigase's cluster mode: Tigase's clustered c2s (which
 * opens its ports once the cluster is connected and closes the connections of a node that left) with the same
 * serialized socket I/O and the same stream features ({@link ServerEntityCaps}). Configured as {@code c2s/class} in
 * the cluster block of init.properties.
 */
public class SerializedTlsClientConnectionClustered extends ClientConnectionClustered {

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
