package net.bluemind.xmpp.testkit.tigase;

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
public final class TigaseUnderTest implements AutoCloseable {

    /** httpServer/connections/ports of the shipped etc/init.properties (file upload, when tigase-http-api is there). */
    public static final int UPLOAD_HTTP_PORT = 8088;

    private final Path home;
    private final Path repo;
    private Process process;
    private String address = "127.0.0.1";
    private List<String> jvmArgs = List.of();

    private TigaseUnderTest(Path home, Path repo) {
        this.home = home;
        this.repo = repo;
    }

    public static TigaseUnderTest install(Path tigaseHome, Path repo, Path bundle) throws IOException, InterruptedException {
        TigaseUnderTest t = installWithoutBundle(tigaseHome, repo);
        run(List.of("bash", repo.resolve("scripts/install-into-tigase.sh").toString(), t.home.toString(), bundle.toString()));
        return t;
    }

    /** A copy of the install as Tigase ships it: the baseline that measurements with the bundle are compared to. */
    public static TigaseUnderTest installWithoutBundle(Path tigaseHome, Path repo) throws IOException, InterruptedException {
        Path copy = Files.createTempDirectory("bm-xmpp-e2e-tigase");
        run(List.of("cp", "-a", tigaseHome + "/.", copy.toString()));
        run(List.of("chmod", "-R", "u+w", copy.toString())); // ../shared/tigase arrives read-only
        Files.deleteIfExists(copy.resolve("etc/config.tdsl"));
        return new TigaseUnderTest(copy, repo);
    }

    public Path home() {
        return home;
    }

    /**
     * The loopback address every listener binds to (default 127.0.0.1): each node of a cluster test has its own, so
     * that two nodes on one machine use the same ports. Takes effect at the next {@code configure}.
     */
    public TigaseUnderTest listenOn(String loopbackAddress) {
        this.address = loopbackAddress;
        return this;
    }

    public String address() {
        return address;
    }

    /** Extra JVM options from the next start on (a cluster node's host name, a hosts file...). */
    public TigaseUnderTest jvmArgs(List<String> args) {
        this.jvmArgs = List.copyOf(args);
        return this;
    }

    /** Puts a jar beside Tigase's own (e.g. the PostgreSQL JDBC driver, which Tigase's full distribution ships). */
    public void addJar(Path jar) throws IOException {
        Files.copy(jar, home.resolve("jars").resolve(jar.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Creates Tigase's schema (server, and MUC/PubSub when their jars are here) in a PostgreSQL database with Tigase's
     * own schema tool, as an operator does once for a cluster: {@code hostPort} as the tool takes it, the database and
     * its owner created with the superuser's credentials.
     */
    public void installSchema(String hostPort, String database, String user, String password, String rootUser,
            String rootPassword) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String out;
        try {
            out = capture(new ProcessBuilder(java, "-cp", home.resolve("jars") + "/*", "tigase.db.util.SchemaManager",
                    "install-schema", "-T", "postgresql", "-D", database, "-H", hostPort, "-U", user, "-P", password,
                    "-R", rootUser, "-A", rootPassword).directory(home.toFile()));
        } catch (IllegalStateException exitedWithError) {
            out = exitedWithError.getMessage();
        }
        if (!Pattern.compile("Loading schema: Tigase XMPP Server \\(Core\\).*ok").matcher(out).find()) {
            throw new IllegalStateException("Tigase's schema tool failed on " + hostPort + "/" + database + ":\n" + out);
        }
    }

    /**
     * Writes etc/init.properties: the shipped file with the main domain, loopback listeners and the
     * given bm-xmpp settings un-commented, as an operator would edit it.
     */
    public void configure(Path shippedInitProperties, String mainDomain, Map<String, String> bmXmppSettings) throws IOException {
        configure(shippedInitProperties, mainDomain, bmXmppSettings, Map.of());
    }

    /** The same, with whole lines of the shipped file replaced (e.g. a processor switched off), each required to exist. */
    public void configure(Path shippedInitProperties, String mainDomain, Map<String, String> bmXmppSettings,
            Map<String, String> lineReplacements) throws IOException {
        String text = Files.readString(shippedInitProperties, StandardCharsets.UTF_8)
                .replace("--virt-hosts = example.com", "--virt-hosts = " + mainDomain)
                .replace("--admins = admin@example.com", "--admins = admin0@" + mainDomain)
                // file transfer: no nginx in front, the upload URLs point at Tigase's HTTP server itself
                .replace("upload/logic/server-name = mail.example.com", "upload/logic/server-name = 127.0.0.1")
                .replace("upload/logic/protocol = https", "upload/logic/protocol = http")
                .replace("upload/logic/port[I] = 443", "upload/logic/port[I] = " + UPLOAD_HTTP_PORT)
                .replace("proxy/connections/1080/ifc[s] = *", "proxy/connections/1080/ifc[s] = " + address)
                .replace("#proxy/remote-addresses[s] = 203.0.113.10", "proxy/remote-addresses[s] = " + address)
                .replace("ws2s/connections/5290/ifc[s] = 127.0.0.1", "ws2s/connections/5290/ifc[s] = " + address)
                .replace("bosh/connections/5280/ifc[s] = 127.0.0.1", "bosh/connections/5280/ifc[s] = " + address);
        for (Map.Entry<String, String> e : lineReplacements.entrySet()) {
            Matcher m = Pattern.compile("^" + Pattern.quote(e.getKey()) + "$", Pattern.MULTILINE).matcher(text);
            if (!m.find()) {
                throw new IllegalArgumentException("no line '" + e.getKey() + "' in etc/init.properties");
            }
            text = m.replaceFirst(Matcher.quoteReplacement(e.getValue()));
        }
        for (Map.Entry<String, String> e : bmXmppSettings.entrySet()) {
            Matcher m = Pattern.compile("^#--bm-xmpp\\." + Pattern.quote(e.getKey()) + " = .*$", Pattern.MULTILINE).matcher(text);
            if (!m.find()) {
                throw new IllegalArgumentException("no setting " + e.getKey() + " in etc/init.properties");
            }
            text = m.replaceFirst(Matcher.quoteReplacement("--bm-xmpp." + e.getKey() + " = " + e.getValue()));
        }
        writeInitProperties(text);
    }

    /**
     * Tigase's own default configuration for one domain (its own SASL, users in its Derby store, its own vCard,
     * no archive), with a certificate for the domain given as PEM (chain + key) as its operator would set it up,
     * or null to let Tigase make its own.
     */
    public void configureBaseline(String domain, String certificatePemOrNull) throws IOException {
        configureBaseline(domain, certificatePemOrNull, List.of());
    }

    /** The same, with more lines of init.properties after Tigase's defaults (e.g. {@code --debug = server.xmppserver}). */
    public void configureBaseline(String domain, String certificatePemOrNull, List<String> moreLines) throws IOException {
        if (certificatePemOrNull != null) {
            Files.createDirectories(home.resolve("certs"));
            Files.writeString(home.resolve("certs/" + domain + ".pem"), certificatePemOrNull, StandardCharsets.US_ASCII);
        }
        writeInitProperties("config-type = --gen-config-def\n--virt-hosts = " + domain + "\n--admins = admin@" + domain
                + "\n--user-db = derby\n--user-db-uri = jdbc:derby:tigasedb;create=true\n"
                + moreLines.stream().map(l -> l + "\n").collect(java.util.stream.Collectors.joining()));
    }

    private void writeInitProperties(String text) throws IOException {
        text += "\n# e2e: loopback only\nc2s/ifc[s] = A\ns2s/ifc[s] = A\nbosh/ifc[s] = A\nws2s/ifc[s] = A\n"
                .replace("= A", "= " + address);
        String debug = System.getProperty("bmx.e2e.tigase-debug"); // e.g. server.xmppclient,xmpp.impl: Tigase at ALL
        if (debug != null && !debug.isBlank()) {
            text += "--debug = " + debug + "\n";
        }
        Files.writeString(home.resolve("etc/init.properties"), text, StandardCharsets.UTF_8);
    }

    /**
     * Creates accounts in Tigase's own store (the baseline's users: address → password) with Tigase's stored
     * procedure, through Derby's ij, while the server is stopped (the embedded store is single-process).
     */
    public void createOwnUsers(Map<String, String> passwords) throws IOException, InterruptedException {
        if (process != null) {
            throw new IllegalStateException("stop Tigase before writing to its embedded store");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        run(new ProcessBuilder("sh", repo.resolve("scripts/prepare-tigase-store.sh").toString(), home.resolve("jars") + "/*")
                .directory(home.toFile()), Map.of("JAVA", java));
        StringBuilder sql = new StringBuilder("connect 'jdbc:derby:tigasedb';\n");
        passwords.forEach((jid, pw) -> sql.append("call TigAddUserPlainPw('").append(jid.replace("'", "''"))
                .append("', '").append(pw.replace("'", "''")).append("');\n"));
        sql.append("disconnect;\nexit;\n");
        Path script = home.resolve("logs/create-users.sql");
        Files.createDirectories(script.getParent());
        Files.writeString(script, sql, StandardCharsets.UTF_8);
        String out = capture(new ProcessBuilder(java, "-cp", home.resolve("jars") + "/*", "org.apache.derby.tools.ij",
                script.toString()).directory(home.toFile()));
        if (out.contains("ERROR")) {
            throw new IllegalStateException("creating users in Tigase's store failed:\n"
                    + out.lines().filter(l -> l.contains("ERROR")).limit(5).toList());
        }
    }

    public void start(Duration timeout) throws IOException, InterruptedException {
        Path log = home.resolve("logs/e2e-console.log");
        Files.createDirectories(log.getParent());
        if (Files.exists(log)) { // the previous run's console (a crash test restarts the server)
            Files.move(log, log.resolveSibling("e2e-console.previous.log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // as the package's service does: Tigase's embedded store is created at the first start
        run(new ProcessBuilder("sh", repo.resolve("scripts/prepare-tigase-store.sh").toString(), home.resolve("jars") + "/*")
                .directory(home.toFile()), Map.of("JAVA", java));
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-Dfile.encoding=UTF-8", "-Xms64m",
                "-Xmx" + System.getProperty("bmx.tigase.xmx", "512m"), "-Dtigase.home=" + home));
        cmd.addAll(jvmArgs);
        // e.g. -Dbmx.tigase.jvm-args="-XX:StartFlightRecording=filename=/tmp/t.jfr" to profile a benchmark's server
        String extra = System.getProperty("bmx.tigase.jvm-args", "").strip();
        if (!extra.isEmpty()) {
            cmd.addAll(List.of(extra.split("\\s+")));
        }
        cmd.addAll(List.of("-cp", home.resolve("jars") + "/*", "tigase.server.XMPPServer"));
        process = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Tigase exited with " + process.exitValue() + ": see " + log);
            }
            if (Files.readString(log, StandardCharsets.ISO_8859_1).contains("is ready to use") && listening(address, 5222)) {
                return;
            }
            Thread.sleep(250);
        }
        // never leave a server that is slow to start running without a test: it would hold 5222 for the next run
        kill();
        throw new IllegalStateException("Tigase not ready within " + timeout + " (killed): see " + log);
    }

    public String consoleLog() throws IOException {
        return Files.readString(home.resolve("logs/e2e-console.log"), StandardCharsets.ISO_8859_1);
    }

    public String effectiveConfig() throws IOException {
        return Files.readString(home.resolve("etc/config-dump.properties"), StandardCharsets.UTF_8);
    }

    private static boolean listening(String address, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 200);
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
        capture(command);
    }

    private static String capture(ProcessBuilder command) throws IOException, InterruptedException {
        Process p = command.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command.command()) + " failed:\n" + out);
        }
        return out;
    }

    /** The running server's process id (for sampling its heap, threads and files). */
    public long pid() {
        if (process == null) {
            throw new IllegalStateException("Tigase is not running");
        }
        return process.pid();
    }

    /** Kills the server with SIGKILL (a hard crash: no shutdown hook, nothing flushed), keeping the install. */
    public void kill() throws InterruptedException {
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
    public void stop() {
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
