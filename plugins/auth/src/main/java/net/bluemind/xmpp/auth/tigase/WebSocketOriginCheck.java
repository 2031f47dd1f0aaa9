package net.bluemind.xmpp.auth.tigase;

import java.io.IOException;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import tigase.server.websocket.WebSocketHybi;
import tigase.server.websocket.WebSocketXMPPIOService;

/**
 * Tigase's WebSocket (RFC 6455/7395, bean {@code ws2s/hybiProtocol}) with the Origin check Tigase lacks:
 * browsers apply no CORS to WebSockets, so without it any web page could open XMPP sessions on the server.
 * A handshake from a page whose origin is not in {@code web-origins} gets {@code 403 Forbidden} and is closed;
 * clients that send no Origin (not browsers) are not concerned.
 */
public class WebSocketOriginCheck extends WebSocketHybi {

    private static final Logger LOG = Logger.getLogger(WebSocketOriginCheck.class.getName());
    private static final String FORBIDDEN = "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

    @Override
    public boolean handshake(WebSocketXMPPIOService service, Map<String, String> headers, byte[] buf)
            throws NoSuchAlgorithmException, IOException {
        String origin = headers.get("ORIGIN"); // Tigase upper-cases header names
        if (!ConfiguredOrigins.get().allows(origin)) {
            LOG.log(Level.INFO, "bm-xmpp: WebSocket from a page of {0} refused (not in web-origins), client {1}",
                    new Object[] {origin, service.getRemoteAddress()});
            service.writeRawData(FORBIDDEN);
            service.forceStop();
            return false;
        }
        return super.handshake(service, headers, buf);
    }
}
