package tigase.server.websocket;

import java.io.IOException;

/** Declared members: a WebSocket client connection (members inherited from Tigase's IOService). */
public class WebSocketXMPPIOService<RefObject> {

    public WebSocketXMPPIOService(WebSocketProtocolIfc[] enabledProtocols) {
        throw new UnsupportedOperationException();
    }

    public void writeRawData(String data) throws IOException {
        throw new UnsupportedOperationException();
    }

    public void forceStop() {
        throw new UnsupportedOperationException();
    }

    public String getRemoteAddress() {
        throw new UnsupportedOperationException();
    }
}
