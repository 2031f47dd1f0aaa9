package tigase.server.websocket;

import tigase.server.xmppclient.ClientConnectionManager;

/** Declared members: the WebSocket client connection manager (ws2s); its members are ClientConnectionManager's. */
public class WebSocketClientConnectionManager extends ClientConnectionManager {

    public WebSocketClientConnectionManager() {
    }
}
