package net.bluemind.xmpp.testkit.services;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One single-node Elasticsearch from the integ-test zip: HTTP on 127.0.0.1:{@code esPort}, transport on
 * {@code esPort + 100}, security off, 512 MB heap, disk thresholds off, data and logs under the state
 * directory. Elasticsearch refuses to run as root, so as root it runs as the system user
 * {@value #USER}, created if missing, who owns the distribution and the node's directory.
 */
final class ElasticsearchNode {

    static final String USER = "bmxmpp-es";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServicesConfig config;
    private final Path dir;

    ElasticsearchNode(ServicesConfig config) {
        this.config = config;
        this.dir = config.stateDir().resolve("es-" + config.esPort());
    }

    int port() {
        return config.esPort();
    }

    URI url() {
        return URI.create("http://" + Loopback.HOST + ":" + port());
    }

    private Path pidFile() {
        return dir.resolve("es.pid");
    }

    /** True when an Elasticsearch answers the cluster health call on the port (yellow or green). */
    boolean healthy() {
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(url().resolve("/_cluster/health?wait_for_status=yellow&timeout=2s"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void start() {
        Path home = EsDistribution.home(config);
        try {
            Files.createDirectories(dir.resolve("data"));
            Files.createDirectories(dir.resolve("logs"));
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            throw new ServiceException("cannot prepare " + dir + ": " + e.getMessage(), e);
        }
        List<String> cmd = new ArrayList<>();
        if (RunningUser.isRoot()) {
            RunningUser.ensureSystemUser(USER);
            RunningUser.chown(USER, home, dir);
            cmd.addAll(List.of("setpriv", "--reuid=" + USER, "--regid=" + USER, "--init-groups", "--"));
        }
        cmd.addAll(List.of(home.resolve("bin/elasticsearch").toString(), "-d", "-p", pidFile().toString(),
                "-Expack.security.enabled=false",
                "-Ediscovery.type=single-node",
                "-Enetwork.host=" + Loopback.HOST,
                "-Ehttp.port=" + port(),
                "-Etransport.port=" + (port() + 100),
                "-Ecluster.name=bm-xmpp-test",
                "-Enode.name=bmx-es-" + port(),
                "-Ecluster.routing.allocation.disk.threshold_enabled=false",
                "-Epath.data=" + dir.resolve("data"),
                "-Epath.logs=" + dir.resolve("logs")));
        Map<String, String> env = Map.of(
                "ES_JAVA_HOME", System.getProperty("java.home"),
                "ES_JAVA_OPTS", "-Xms512m -Xmx512m",
                "HOME", dir.toString());
        // with -d the launcher returns once the node has started, or fails with the reason
        Command.Result r = Command.run(cmd, env, dir, Duration.ofMinutes(3));
        if (!r.ok()) {
            throw new ServiceException("Elasticsearch failed to start on " + url() + " (exit " + r.exitCode() + "):\n"
                    + tail(r.output()) + "\n" + LogTail.of(dir.resolve("logs/bm-xmpp-test.log"), 20));
        }
        if (!Loopback.await(Duration.ofSeconds(90), this::healthy)) {
            throw new ServiceException("Elasticsearch started but " + url() + " is not healthy\n"
                    + LogTail.of(dir.resolve("logs/bm-xmpp-test.log"), 30));
        }
    }

    /** True when the node started from this state directory is alive. */
    boolean running() {
        return pid().flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
    }

    void stop() {
        Optional<ProcessHandle> p = pid().flatMap(ProcessHandle::of);
        if (p.isEmpty()) {
            return;
        }
        p.get().destroy();
        if (!Loopback.await(Duration.ofSeconds(60), () -> !p.get().isAlive())) {
            p.get().destroyForcibly();
        }
    }

    /** SIGKILL; returns once the process is gone. */
    void kill() {
        pid().flatMap(ProcessHandle::of).ifPresent(p -> {
            p.destroyForcibly();
            if (!Loopback.await(Duration.ofSeconds(30), () -> !p.isAlive())) {
                throw new ServiceException("Elasticsearch (pid " + p.pid() + ") survived SIGKILL for 30 s");
            }
        });
    }

    private Optional<Long> pid() {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile()).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String tail(String output) {
        String[] lines = output.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 40), lines.length));
    }
}
