package net.bluemind.xmpp.archive.write;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Messages Elasticsearch refused for good (e.g. a mapping error on that document) or spool lines that cannot
 * be read: set aside in {@code dead-letters.ndjson} (one JSON object per line: reason, document) with a
 * warning, so they neither block the others nor disappear.
 */
public final class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final AtomicLong count = new AtomicLong();

    DeadLetters(Path file) {
        this.file = file;
    }

    public synchronized void add(byte[] document, String reason) {
        count.incrementAndGet();
        LOG.warning(() -> "archive: a document is set aside in " + file + ": " + reason);
        ObjectNode line = JSON.createObjectNode();
        line.put("reason", reason);
        line.put("document", new String(document, StandardCharsets.UTF_8));
        try {
            Files.write(file, (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "cannot write the archive dead letters " + file + "; lost document: "
                    + new String(document, StandardCharsets.UTF_8), e);
        }
    }

    /** Documents set aside since this process started. */
    public long count() {
        return count.get();
    }

    public Path file() {
        return file;
    }
}
