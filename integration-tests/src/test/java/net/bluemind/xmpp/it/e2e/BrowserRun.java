package net.bluemind.xmpp.it.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs integration-tests/webim/drive.mjs (Node + playwright-core driving Debian's headless Chromium) with a JSON
 * input and returns the JSON it prints on its "BMX-RESULT" line. {@link #missing} says why it cannot run here.
 */
final class BrowserRun {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BrowserRun() {
    }

    static Path chromium() {
        return Path.of(System.getenv().getOrDefault("BMX_CHROMIUM", "/usr/bin/chromium"));
    }

    /** Why the browser test cannot run on this machine, or empty when it can. */
    static Optional<String> missing(Path webim) {
        if (!Files.isExecutable(chromium())) {
            return Optional.of("web IM browser test skipped: no Chromium at " + chromium()
                    + " (apt-get install chromium, or set BMX_CHROMIUM; scripts/lib/prereqs.sh installs it)");
        }
        if (!Files.isDirectory(webim.resolve("node_modules/playwright-core"))
                || !Files.isDirectory(webim.resolve("node_modules/converse.js/dist"))) {
            return Optional.of("web IM browser test skipped: run `npm ci` in " + webim
                    + " (scripts/lib/prereqs.sh does)");
        }
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() != 0) {
                return Optional.of("web IM browser test skipped: node does not run");
            }
        } catch (IOException | InterruptedException e) {
            return Optional.of("web IM browser test skipped: no node (apt-get install nodejs npm)");
        }
        return Optional.empty();
    }

    static JsonNode run(Path webim, Map<String, Object> input, Path outDir) throws Exception {
        return run(webim, "drive.mjs", input, outDir);
    }

    /** Runs another script of integration-tests/webim the same way (input file, BMX-RESULT line). */
    static JsonNode run(Path webim, String script, Map<String, Object> input, Path outDir) throws Exception {
        Files.createDirectories(outDir);
        Path in = outDir.resolve("input.json");
        Files.writeString(in, JSON.writeValueAsString(input), StandardCharsets.UTF_8);
        Path log = outDir.resolve("drive.log");
        Process p = new ProcessBuilder("node", script, in.toString()).directory(webim.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the browser run took more than 5 minutes: see " + log);
        }
        Files.deleteIfExists(in); // it holds session tokens
        String output = Files.readString(log, StandardCharsets.UTF_8);
        for (String line : output.split("\n")) {
            if (line.startsWith("BMX-RESULT ")) {
                return JSON.readTree(line.substring("BMX-RESULT ".length()));
            }
        }
        throw new AssertionError("the browser run printed no result (exit " + p.exitValue() + "):\n" + output);
    }
}
