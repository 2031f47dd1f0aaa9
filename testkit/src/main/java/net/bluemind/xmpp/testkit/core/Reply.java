package net.bluemind.xmpp.testkit.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;

/** An HTTP answer of the simulator. */
record Reply(int status, String contentType, byte[] body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Reply json(Object value) {
        try {
            return new Reply(200, "application/json", JSON.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Reply png(byte[] bytes) {
        return new Reply(200, "image/png", bytes);
    }

    static Reply text(String text) {
        return new Reply(200, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** bm-core's error shape: {@code {"errorCode": ..., "message": ...}}. */
    static Reply error(int status, String errorCode, String message) {
        Reply r = json(java.util.Map.of("errorCode", errorCode, "message", message));
        return new Reply(status, r.contentType(), r.body());
    }

    static Reply notFound(String what) {
        return error(404, "NOT_FOUND", what + " not found");
    }
}
