package tigase.server.websocket;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.util.Map;

/** Declared members: a WebSocket protocol version of the ws2s connection manager (its handshake, its framing). */
public interface WebSocketProtocolIfc {

    String getId();

    boolean handshake(WebSocketXMPPIOService service, Map<String, String> headers, byte[] buf)
            throws NoSuchAlgorithmException, IOException;

    ByteBuffer decodeFrame(WebSocketXMPPIOService service, ByteBuffer buf);

    void encodeFrameAndWrite(WebSocketXMPPIOService service, ByteBuffer buf) throws IOException;

    void closeConnection(WebSocketXMPPIOService service);
}
