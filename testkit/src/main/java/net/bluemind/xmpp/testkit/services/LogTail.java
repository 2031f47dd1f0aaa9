package net.bluemind.xmpp.testkit.services;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a service's log, to put the reason of a failed start into the exception. */
final class LogTail {

    private LogTail() {
    }

    static String of(Path file, int lines) {
        try {
            if (!Files.isRegularFile(file)) {
                return "(no " + file + ")";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return "last lines of " + file + ":\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
