package net.bluemind.xmpp.testkit.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An nginx of one test's own, from Debian's package ({@value #BINARY}), in front of a service as BlueMind's nginx is:
 * each server listens on 127.0.0.1 only and includes the given location file (the one the operator's guide tells
 * BlueMind administrators to add). All its files (configuration, pid, logs, temp folders) are in
 * {@code <services dir>/nginx-<port>}; it runs in the foreground as this JVM's child and is stopped, and its folder
 * removed, at close. It never touches the package's own configuration or port 80.
 */
public final class NginxProxy implements AutoCloseable {

    static final String BINARY = "/usr/sbin/nginx";

    /** One {@code server} block: its port and directives written before the included location file. */
    public record Server(int port, String directives) {
    }

    private final Path dir;
    private final List<Server> servers;
    private final Path locationFile;
    private Process process;

    public NginxProxy(Path locationFile, List<Server> servers) {
        this.locationFile = locationFile.toAbsolutePath();
        this.servers = List.copyOf(servers);
        this.dir = ServicesConfig.fromEnvironment().stateDir().resolve("nginx-" + servers.get(0).port());
    }

    /** True when Debian's nginx is installed (the tests that need it fail or skip saying why). */
    public static boolean installed() {
        return Files.isExecutable(Path.of(BINARY));
    }

    /** Writes the configuration, checks it with {@code nginx -t}, starts nginx and waits for every port. */
    public NginxProxy start() {
        for (Server s : servers) {
            if (Loopback.listening(s.port())) {
                throw new ServiceException("port " + s.port() + " is taken: the test nginx needs it free");
            }
        }
        Path conf = dir.resolve("nginx.conf");
        try {
            Dirs.deleteTree(dir);
            for (String temp : List.of("body", "proxy", "fastcgi", "uwsgi", "scgi")) {
                Files.createDirectories(dir.resolve(temp));
            }
            Files.writeString(conf, configuration());
        } catch (IOException e) {
            throw new ServiceException("cannot prepare " + dir + ": " + e.getMessage(), e);
        }
        Command.Result check = Command.run(command(conf, "-t"), Map.of(), dir, Duration.ofSeconds(30));
        if (!check.ok()) {
            throw new ServiceException("nginx -t refused " + conf + ": " + check.output());
        }
        try {
            process = new ProcessBuilder(command(conf)).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("console.log").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        } catch (IOException e) {
            throw new ServiceException("cannot start " + BINARY + ": " + e.getMessage(), e);
        }
        boolean up = Loopback.await(Duration.ofSeconds(20),
                () -> !process.isAlive() || servers.stream().allMatch(s -> Loopback.listening(s.port())));
        if (!up || !process.isAlive()) {
            String why = LogTail.of(dir.resolve("error.log"), 20) + LogTail.of(dir.resolve("console.log"), 20);
            close();
            throw new ServiceException("nginx did not start on " + servers + ": " + why);
        }
        return this;
    }

    /** The error log, for assertions and failure messages. */
    public String errorLog() {
        return LogTail.of(dir.resolve("error.log"), 50);
    }

    private List<String> command(Path conf, String... extra) {
        List<String> cmd = new ArrayList<>(List.of(BINARY, "-p", dir + "/", "-c", conf.toString(), "-e",
                dir.resolve("error.log").toString()));
        cmd.addAll(List.of(extra));
        return cmd;
    }

    private String configuration() {
        StringBuilder c = new StringBuilder();
        if (RunningUser.isRoot()) {
            c.append("user root;\n"); // workers read and write this test's folder only
        }
        c.append("worker_processes 1;\ndaemon off;\n")
                .append("pid ").append(dir.resolve("nginx.pid")).append(";\n")
                .append("error_log ").append(dir.resolve("error.log")).append(" info;\n")
                .append("events { worker_connections 64; }\n")
                .append("http {\n")
                .append("  access_log ").append(dir.resolve("access.log")).append(";\n");
        for (String temp : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
            c.append("  ").append(temp).append("_temp_path ").append(dir.resolve(temp.replace("client_", "")))
                    .append(";\n");
        }
        for (Server s : servers) {
            c.append("  server {\n    listen ").append(Loopback.HOST).append(':').append(s.port()).append(";\n")
                    .append("    server_name localhost;\n");
            if (!s.directives().isBlank()) {
                c.append("    ").append(s.directives()).append('\n');
            }
            c.append("    include ").append(locationFile).append(";\n  }\n");
        }
        return c.append("}\n").toString();
    }

    @Override
    public void close() {
        ChildProcess.stop(process, 10); // SIGTERM: nginx's fast shutdown
        Dirs.deleteTree(dir);
    }
}
