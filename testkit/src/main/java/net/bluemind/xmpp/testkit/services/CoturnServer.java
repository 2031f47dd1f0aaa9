package net.bluemind.xmpp.testkit.services;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The STUN/TURN server a BlueMind admin runs beside bm-xmpp: Debian's coturn ({@value #BINARY}), with the TURN REST
 * scheme ({@code use-auth-secret}, {@code static-auth-secret}: it accepts a username {@code <expiry>:<user>} whose
 * password is base64(HMAC-SHA1(secret, username)) and whose expiry is not past), one realm, no TLS/DTLS, listening
 * on 127.0.0.1:{@value #PORT} (UDP and TCP; not coturn's 3478, kept free for a real one) and relaying on
 * 127.0.0.1 ports {@value #MIN_RELAY_PORT}-{@value #MAX_RELAY_PORT}, loopback peers allowed (the test's clients are
 * on loopback). Configuration, log ({@code verbose}: one line per request and its outcome), pid and its user
 * database are in {@code <services dir>/coturn}; it runs in the foreground as this JVM's child, stopped (SIGTERM)
 * by pid and its folder removed at close. The package's own service and /etc/turnserver.conf are never touched.
 */
public final class CoturnServer implements AutoCloseable {

    static final String BINARY = "/usr/bin/turnserver";
    public static final int PORT = 34780;
    static final int MIN_RELAY_PORT = 49700;
    static final int MAX_RELAY_PORT = 49799;

    private final String secret;
    private final String realm;
    private final Path dir;
    private Process process;

    public CoturnServer(String secret, String realm) {
        this.secret = secret;
        this.realm = realm;
        this.dir = ServicesConfig.fromEnvironment().stateDir().resolve("coturn");
    }

    /** Null when coturn can run here, else why not (for the test's skip message). */
    public static String unavailable() {
        if (!Files.isExecutable(Path.of(BINARY)) || !Files.isExecutable(Path.of(TurnClient.BINARY))) {
            return "Debian's coturn is not installed (scripts/lib/prereqs.sh installs it)";
        }
        if (listening(PORT)) {
            return "127.0.0.1:" + PORT + " is taken: the test's coturn needs it free";
        }
        return null;
    }

    /** Writes its configuration, starts coturn and waits until it listens (TCP; UDP is bound before). */
    public CoturnServer start() {
        String why = unavailable();
        if (why != null) {
            throw new ServiceException("no coturn: " + why);
        }
        try {
            Dirs.deleteTree(dir);
            Files.createDirectories(dir);
            Files.writeString(config(), configuration(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ServiceException("cannot prepare " + dir + ": " + e.getMessage(), e);
        }
        try {
            process = new ProcessBuilder(BINARY, "-c", config().toString()).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("console.log").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            close();
            throw new ServiceException("cannot start " + BINARY + ": " + e.getMessage(), e);
        }
        boolean up = Loopback.await(Duration.ofSeconds(15), () -> !process.isAlive() || listening(PORT));
        if (!up || !process.isAlive()) {
            String log = LogTail.of(log(), 20) + "\n" + LogTail.of(dir.resolve("console.log"), 20);
            close();
            throw new ServiceException("coturn did not start on 127.0.0.1:" + PORT + ": " + log);
        }
        return this;
    }

    public int port() {
        return PORT;
    }

    public long pid() {
        return process == null ? -1 : process.pid();
    }

    public Path log() {
        return dir.resolve("turnserver.log");
    }

    /** What coturn has logged so far. */
    public String logText() {
        try {
            return Files.isRegularFile(log()) ? Files.readString(log(), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + log() + ": " + e.getMessage() + ")";
        }
    }

    private Path config() {
        return dir.resolve("turnserver.conf");
    }

    /** The lines an admin would write (operator's guide, "Calls"), bound to loopback for the test. */
    String configuration() {
        return String.join("\n",
                "listening-ip=127.0.0.1",
                "relay-ip=127.0.0.1",
                "listening-port=" + PORT,
                "min-port=" + MIN_RELAY_PORT,
                "max-port=" + MAX_RELAY_PORT,
                "use-auth-secret",
                "static-auth-secret=" + secret,
                "realm=" + realm,
                "no-tls",
                "no-dtls",
                "no-cli",
                "allow-loopback-peers",
                "log-file=" + log(),
                "simple-log",
                "verbose",
                "no-stdout-log",
                "pidfile=" + dir.resolve("turnserver.pid"),
                "userdb=" + dir.resolve("turndb"),
                "");
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        ChildProcess.stop(process, 10);
        process = null;
        if (!Boolean.getBoolean("bmx.e2e.keep")) {
            Dirs.deleteTree(dir);
        }
    }
}
