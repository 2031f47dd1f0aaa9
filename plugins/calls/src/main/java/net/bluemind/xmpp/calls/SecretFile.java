package net.bluemind.xmpp.calls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The secret read from its file at each request (a few bytes; a new secret applies at once): the text of the
 * file without surrounding white space, as coturn reads {@code static-auth-secret=...} from its configuration.
 */
public final class SecretFile implements SecretSource {

    private final Path file;

    public SecretFile(Path file) {
        this.file = file;
    }

    @Override
    public byte[] secret() throws CallsUnavailableException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new CallsUnavailableException("TURN secret file " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (text.isEmpty()) {
            throw new CallsUnavailableException("TURN secret file " + file + " is empty");
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
