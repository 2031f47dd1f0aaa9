package net.bluemind.xmpp.archive.write;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import net.bluemind.xmpp.archive.ArchivedMessage;

/**
 * An archived message encoded once as its ES document JSON (one line, no newline): the same bytes go to the
 * spool and into the {@code _bulk} body.
 */
public record EncodedMessage(String id, byte[] json) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static EncodedMessage of(ArchivedMessage m) {
        try {
            return new EncodedMessage(m.id(), JSON.writeValueAsBytes(m));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads back a spooled line; throws {@link IllegalArgumentException} when it is not an archived message. */
    public static EncodedMessage parse(byte[] line) {
        try {
            ArchivedMessage m = JSON.readValue(line, ArchivedMessage.class);
            return new EncodedMessage(m.id(), line);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not an archived message: " + e.getMessage(), e);
        }
    }

    public ArchivedMessage decode() {
        try {
            return JSON.readValue(json, ArchivedMessage.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
