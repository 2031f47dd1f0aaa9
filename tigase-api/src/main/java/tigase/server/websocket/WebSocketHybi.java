package tigase.server.websocket;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/** Declared members: Tigase's RFC 6455 WebSocket (bean hybiProtocol of ws2s), which bm-xmpp extends. */
public class WebSocketHybi implements WebSocketProtocolIfc {

    public WebSocketHybi() {
    }

    @Override
    public String getId() {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean handshake(WebSocketXMPPIOService service, Map<String, String> headers, byte[] buf)
            throws NoSuchAlgorithmException, IOException {
        throw new UnsupportedOperationException();
    }

    @Override
    public ByteBuffer decodeFrame(WebSocketXMPPIOService service, ByteBuffer buf) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void encodeFrameAndWrite(WebSocketXMPPIOService service, ByteBuffer buf) throws IOException {
        throw new UnsupportedOperationException();
    }

    @Override
    public void closeConnection(WebSocketXMPPIOService service) {
        throw new UnsupportedOperationException();
    }
}
