package net.bluemind.xmpp.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * One run of an xmpp.js script of integration-tests/xmppjs (a real SASL2/FAST client, npm package pinned there) against
 * the e2e server: its input as a JSON file, its output in a log, its verdict the JSON line after {@code BMX-RESULT}.
 * Skips the calling test when the npm packages are not installed.
 */
final class XmppJsRun {

    private final Path input;
    final Path log;
    final Process process;

    private XmppJsRun(Path dir, Path input, Process process) {
        this.input = input;
        this.log = dir.resolve("output.txt");
        this.process = process;
    }

    /** The script's input with the e2e server's address and domain filled in. */
    static ObjectNode input() {
        return new ObjectMapper().createObjectNode().put("host", XmppClients.SERVER).put("port", 5222)
                .put("domain", E2eStack.DOMAIN);
    }

    /** Starts {@code node <script> <input.json>}, trusting the e2e server's certificate. */
    static XmppJsRun start(E2eStack stack, String script, ObjectNode input) throws Exception {
        Path xmppjs = Path.of(System.getProperty("bmx.repo.dir", "..")).toAbsolutePath().normalize()
                .resolve("integration-tests/xmppjs");
        assumeTrue(Files.isDirectory(xmppjs.resolve("node_modules/@xmpp/client")),
                "xmpp.js e2e skipped: run `npm ci` in " + xmppjs + " (scripts/lib/prereqs.sh does)");
        Path dir = Files.createTempDirectory("xmppjs-" + script.replace(".mjs", ""));
        Path in = Files.writeString(dir.resolve("input.json"), input.toString());
        ProcessBuilder pb = new ProcessBuilder("node", script, in.toString()).directory(xmppjs.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("output.txt").toFile());
        pb.environment().put("NODE_EXTRA_CA_CERTS", SlixmppRoomsE2eIT.caFile(stack, dir).toString());
        return new XmppJsRun(dir, in, pb.start());
    }

    /** What the script has written so far. */
    String output() throws IOException {
        return Files.readString(log);
    }

    /** Waits (2 min at most) for the script to end; its result line, parsed. */
    JsonNode result() throws Exception {
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("xmpp.js did not finish within 2 min: see " + log);
        }
        Files.deleteIfExists(input); // it holds a password
        String output = output();
        int at = output.indexOf("BMX-RESULT ");
        assertThat(at).as("xmpp.js result (exit %s):%n%s", process.exitValue(), output).isNotNegative();
        return new ObjectMapper().readTree(output.substring(at + "BMX-RESULT ".length()).lines().findFirst().orElseThrow());
    }
}
