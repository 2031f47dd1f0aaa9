package net.bluemind.xmpp.domains.tigase;

import tigase.kernel.beans.Inject;
import tigase.server.MessageRouter;
import tigase.server.Packet;
import tigase.server.websocket.WebSocketClientConnectionManager;
import tigase.xml.Element;
import tigase.xmpp.XMPPIOService;

/**
 * Tigase's WebSocket client connection manager (ws2s, RFC 7395: BlueMind's web application, Converse.js), whose stream
 * features carry the server's entity capabilities well-formed, as c2s's do ({@link ServerEntityCaps}). Configured as
 * {@code ws2s/class} in init.properties; everything else is Tigase's.
 */
public class EntityCapsWebSocketConnectionManager extends WebSocketClientConnectionManager {

    @Inject(nullAllowed = true)
    private MessageRouter router;

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
}
