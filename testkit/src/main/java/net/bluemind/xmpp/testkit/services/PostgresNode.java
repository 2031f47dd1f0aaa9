package net.bluemind.xmpp.testkit.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of one test's own, from Debian's package (binaries under /usr/lib/postgresql/&lt;version&gt;/bin):
 * a new cluster in {@code <services dir>/pg-<port>}, listening on 127.0.0.1 only, password authentication for TCP
 * (superuser {@value #SUPERUSER} / {@value #SUPERUSER_PASSWORD}), the socket in its own directory. PostgreSQL refuses to
 * run as root, so as root it runs as the system user {@value #USER}. Stopped and removed at close; it never touches
 * the package's own cluster or port 5432.
 */
public final class PostgresNode implements AutoCloseable {

    static final String USER = "bmxmpp-pg";
    public static final String SUPERUSER = "postgres";
    public static final String SUPERUSER_PASSWORD = "bmx-test-root";

    private final int port;
    private final Path dir;
    private final Path bin;

    public PostgresNode(int port) {
        this.port = port;
        this.dir = ServicesConfig.fromEnvironment().stateDir().resolve("pg-" + port);
        this.bin = binaries();
    }

    /** True when Debian's postgresql package is installed (the tests that need it skip otherwise, saying why). */
    public static boolean installed() {
        try {
            binaries();
            return true;
        } catch (ServiceException e) {
            return false;
        }
    }

    public int port() {
        return port;
    }

    /** Whether a server answers on the port (this one, or another that holds it). */
    public boolean listening() {
        return Loopback.listening(port);
    }

    /** host:port, as JDBC URLs and Tigase's schema tool take it. */
    public String address() {
        return Loopback.HOST + ":" + port;
    }

    /** A new, empty cluster, started; throws {@link ServiceException} with the reason if it cannot. */
    public PostgresNode startFresh() {
        if (listening()) {
            throw new ServiceException("port " + port + " is taken: a test PostgreSQL needs it free");
        }
        deleteDir();
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("pwfile"), SUPERUSER_PASSWORD + "\n");
        } catch (IOException e) {
            throw new ServiceException("cannot prepare " + dir + ": " + e.getMessage(), e);
        }
        if (RunningUser.isRoot()) {
            RunningUser.ensureSystemUser(USER);
            RunningUser.chown(USER, dir);
        }
        check(asOwner(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", SUPERUSER,
                "--pwfile=" + dir.resolve("pwfile"), "--auth-local=trust", "--auth-host=scram-sha-256",
                "--encoding=UTF8", "--locale=C"), "initdb");
        start();
        return this;
    }

    public void start() {
        check(asOwner(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60",
                "-l", dir.resolve("server.log").toString(), "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=" + Loopback.HOST + " -c max_connections=200"
                        + " -c fsync=off -c synchronous_commit=off", "start"), "pg_ctl start");
    }

    public void stop() {
        if (Files.exists(dir.resolve("data/postmaster.pid"))) {
            run(asOwner(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w",
                    "-t", "60", "stop"));
        }
    }

    /** Runs SQL as the superuser through the server's socket (psql -v ON_ERROR_STOP=1), returning psql's output. */
    public String sql(String database, String statements) {
        Command.Result r = run(asOwner(bin.resolve("psql").toString(), "-h", dir.toString(), "-p", String.valueOf(port),
                "-U", SUPERUSER, "-d", database, "-v", "ON_ERROR_STOP=1", "-At", "-c", statements));
        if (!r.ok()) {
            throw new ServiceException("psql failed on " + database + ": " + r.output());
        }
        return r.output().trim();
    }

    @Override
    public void close() {
        stop();
        deleteDir();
    }

    private List<String> asOwner(String... command) {
        List<String> cmd = new ArrayList<>();
        if (RunningUser.isRoot()) {
            cmd.addAll(List.of("setpriv", "--reuid=" + USER, "--regid=" + USER, "--init-groups", "--"));
        }
        cmd.addAll(List.of(command));
        return cmd;
    }

    private Command.Result run(List<String> command) {
        return Command.run(command, Map.of("LC_ALL", "C"), dir, Duration.ofMinutes(2));
    }

    private void check(List<String> command, String what) {
        Command.Result r = run(command);
        if (!r.ok()) {
            throw new ServiceException(what + " failed (exit " + r.exitCode() + "): " + r.output() + "\n"
                    + LogTail.of(dir.resolve("server.log"), 20));
        }
    }

    private static Path binaries() {
        Path base = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.list(base)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new ServiceException("no PostgreSQL server under " + base + " (apt install postgresql)"));
        } catch (IOException e) {
            throw new ServiceException("no PostgreSQL server under " + base + " (apt install postgresql)", e);
        }
    }

    private void deleteDir() {
        Dirs.deleteTree(dir);
    }
}
