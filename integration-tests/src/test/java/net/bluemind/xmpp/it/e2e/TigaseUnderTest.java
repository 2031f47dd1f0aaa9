package net.bluemind.xmpp.it.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A copy of the Tigase 8.4.0 install named by TIGASE_HOME with the bm-xmpp bundle installed by
 * scripts/install-into-tigase.sh and configured by the repo's etc/init.properties (plus the test's own
 * values), started on loopback the way tigase.sh starts it. The original install is never modified.
 */
final class TigaseUnderTest implements AutoCloseable {

    /** httpServer/connections/ports of the shipped etc/init.properties (file upload, when tigase-http-api is there). */
    static final int UPLOAD_HTTP_PORT = 8088;

    private final Path home;
    private final Path repo;
    private Process process;

    private TigaseUnderTest(Path home, Path repo) {
        this.home = home;
        this.repo = repo;
    }

    static TigaseUnderTest install(Path tigaseHome, Path repo, Path bundle) throws IOException, InterruptedException {
        Path copy = Files.createTempDirectory("bm-xmpp-e2e-tigase");
        run(List.of("cp", "-a", tigaseHome + "/.", copy.toString()));
        run(List.of("chmod", "-R", "u+w", copy.toString())); // ../shared/tigase arrives read-only
        run(List.of("bash", repo.resolve("scripts/install-into-tigase.sh").toString(), copy.toString(), bundle.toString()));
        Files.deleteIfExists(copy.resolve("etc/config.tdsl"));
        return new TigaseUnderTest(copy, repo);
    }

    Path home() {
        return home;
    }

    /**
     * Writes etc/init.properties: the shipped file with the main domain, loopback listeners and the
     * given bm-xmpp settings un-commented, as an operator would edit it.
     */
    void configure(Path shippedInitProperties, String mainDomain, Map<String, String> bmXmppSettings) throws IOException {
        String text = Files.readString(shippedInitProperties, StandardCharsets.UTF_8)
                .replace("--virt-hosts = example.com", "--virt-hosts = " + mainDomain)
                .replace("--admins = admin@example.com", "--admins = admin0@" + mainDomain)
                // file transfer: no nginx in front, the upload URLs point at Tigase's HTTP server itself
                .replace("upload/logic/server-name = mail.example.com", "upload/logic/server-name = 127.0.0.1")
                .replace("upload/logic/protocol = https", "upload/logic/protocol = http")
                .replace("upload/logic/port[I] = 443", "upload/logic/port[I] = " + UPLOAD_HTTP_PORT)
                .replace("proxy/connections/1080/ifc[s] = *", "proxy/connections/1080/ifc[s] = 127.0.0.1")
                .replace("#proxy/remote-addresses[s] = 203.0.113.10", "proxy/remote-addresses[s] = 127.0.0.1");
        for (Map.Entry<String, String> e : bmXmppSettings.entrySet()) {
            Matcher m = Pattern.compile("^#--bm-xmpp\\." + Pattern.quote(e.getKey()) + " = .*$", Pattern.MULTILINE).matcher(text);
            if (!m.find()) {
                throw new IllegalArgumentException("no setting " + e.getKey() + " in etc/init.properties");
            }
            text = m.replaceFirst(Matcher.quoteReplacement("--bm-xmpp." + e.getKey() + " = " + e.getValue()));
        }
        text += "\n# e2e: loopback only\nc2s/ifc[s] = 127.0.0.1\ns2s/ifc[s] = 127.0.0.1\nbosh/ifc[s] = 127.0.0.1\nws2s/ifc[s] = 127.0.0.1\n";
        Files.writeString(home.resolve("etc/init.properties"), text, StandardCharsets.UTF_8);
    }

    void start(Duration timeout) throws IOException, InterruptedException {
        Path log = home.resolve("logs/e2e-console.log");
        Files.createDirectories(log.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // as the package's service does: Tigase's embedded store is created at the first start
        run(new ProcessBuilder("sh", repo.resolve("scripts/prepare-tigase-store.sh").toString(), home.resolve("jars") + "/*")
                .directory(home.toFile()), Map.of("JAVA", java));
        process = new ProcessBuilder(java, "-Dfile.encoding=UTF-8", "-Xms64m", "-Xmx512m",
                "-Dtigase.home=" + home, "-cp", home.resolve("jars") + "/*", "tigase.server.XMPPServer")
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Tigase exited with " + process.exitValue() + ": see " + log);
            }
            if (Files.readString(log, StandardCharsets.ISO_8859_1).contains("is ready to use") && listening(5222)) {
                return;
            }
            Thread.sleep(250);
        }
        // never leave a server that is slow to start running without a test: it would hold 5222 for the next run
        kill();
        throw new IllegalStateException("Tigase not ready within " + timeout + " (killed): see " + log);
    }

    String consoleLog() throws IOException {
        return Files.readString(home.resolve("logs/e2e-console.log"), StandardCharsets.ISO_8859_1);
    }

    String effectiveConfig() throws IOException {
        return Files.readString(home.resolve("etc/config-dump.properties"), StandardCharsets.UTF_8);
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        run(new ProcessBuilder(command), Map.of());
    }

    private static void run(ProcessBuilder command, Map<String, String> env) throws IOException, InterruptedException {
        command.environment().putAll(env);
        Process p = command.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command.command()) + " failed:\n" + out);
        }
    }

    /** The running server's process id (for sampling its heap, threads and files). */
    long pid() {
        if (process == null) {
            throw new IllegalStateException("Tigase is not running");
        }
        return process.pid();
    }

    /** Kills the server with SIGKILL (a hard crash: no shutdown hook, nothing flushed), keeping the install. */
    void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroyForcibly(); // SIGKILL on Linux
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            throw new IllegalStateException("Tigase still alive 20 s after SIGKILL");
        }
        process = null;
    }

    /** Stops the server the way the service manager does (SIGTERM), keeping the install. */
    void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    @Override
    public void close() throws IOException {
        stop();
        if (!Boolean.getBoolean("bmx.e2e.keep")) {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
