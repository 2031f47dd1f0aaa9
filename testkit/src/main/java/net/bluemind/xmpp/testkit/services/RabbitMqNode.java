package net.bluemind.xmpp.testkit.services;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One RabbitMQ node of Debian's rabbitmq-server package, private to the tests: its own node name
 * ({@code bmxmpp-<port>@localhost}), AMQP and distribution ports on 127.0.0.1 only, and its mnesia,
 * log and Erlang cookie under the state directory. Driven with the package's own scripts.
 */
final class RabbitMqNode {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(90);

    private final ServicesConfig config;
    private final Path dir;

    RabbitMqNode(ServicesConfig config) {
        this.config = config;
        this.dir = config.stateDir().resolve("rabbitmq-" + config.rabbitPort());
    }

    int port() {
        return config.rabbitPort();
    }

    String nodeName() {
        return "bmxmpp-" + config.rabbitPort() + "@localhost";
    }

    /** guest/guest is accepted from loopback only, which is all this node listens on. */
    URI uri() {
        return URI.create("amqp://guest:guest@" + Loopback.HOST + ":" + config.rabbitPort());
    }

    Path logFile() {
        return dir.resolve("log").resolve(nodeName() + ".log");
    }

    void start() {
        Path server = config.rabbitBin().resolve("rabbitmq-server");
        if (!Files.isExecutable(server)) {
            throw new ServiceException("RabbitMQ is not installed: no " + server
                    + " (install Debian's package: apt-get install rabbitmq-server, or run scripts/test.sh)");
        }
        createDirectories();
        Command.Result r = Command.run(List.of(server.toString(), "-detached"), env(), dir, COMMAND_TIMEOUT);
        if (!r.ok()) {
            throw new ServiceException("rabbitmq-server -detached failed (exit " + r.exitCode() + "):\n" + r.output()
                    + "\n" + LogTail.of(logFile(), 30));
        }
        // -detached returns before the node registers with epmd; await_startup needs it registered
        Loopback.await(Duration.ofSeconds(60), this::answers);
        Command.Result up = ctl("await_startup", "--timeout", "90");
        if (!up.ok() || !Loopback.await(Duration.ofSeconds(30), () -> Loopback.listening(port()))) {
            throw new ServiceException("RabbitMQ node " + nodeName() + " did not come up on " + Loopback.HOST + ":"
                    + port() + ": " + up.output() + "\n" + LogTail.of(logFile(), 30));
        }
    }

    /** True when this node (our node name and cookie) answers, whatever state its AMQP listener is in. */
    boolean answers() {
        return Files.isExecutable(config.rabbitBin().resolve("rabbitmqctl")) && ctl("-q", "ping", "-t", "10").ok();
    }

    void stop() {
        // with the pid file, rabbitmqctl waits until the node's OS process is gone
        check(ctl("stop", dir.resolve("rabbitmq.pid").toString()), "stop");
        Loopback.await(Duration.ofSeconds(30), () -> !Loopback.listening(port()));
    }

    void stopApp() {
        check(ctl("stop_app"), "stop_app");
        if (!Loopback.await(Duration.ofSeconds(30), () -> !Loopback.listening(port()))) {
            throw new ServiceException("RabbitMQ still listens on " + port() + " after stop_app");
        }
    }

    void startApp() {
        check(ctl("start_app"), "start_app");
        if (!Loopback.await(Duration.ofSeconds(30), () -> Loopback.listening(port()))) {
            throw new ServiceException("RabbitMQ does not listen on " + port() + " after start_app\n"
                    + LogTail.of(logFile(), 30));
        }
    }

    /** rabbitmqctl list_queues for one queue: "ready unacked", or null when there is no such queue. */
    String queueCounts(String queue) {
        Command.Result r = ctl("-q", "list_queues", "name", "messages_ready", "messages_unacknowledged");
        check(r, "list_queues");
        for (String line : r.output().split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 3 && f[0].equals(queue)) {
                return f[1] + " " + f[2];
            }
        }
        return null;
    }

    private void check(Command.Result r, String what) {
        if (!r.ok()) {
            throw new ServiceException("rabbitmqctl -n " + nodeName() + " " + what + " failed (exit " + r.exitCode()
                    + "): " + r.output());
        }
    }

    private Command.Result ctl(String... args) {
        createDirectories();
        List<String> cmd = new ArrayList<>();
        cmd.add(config.rabbitBin().resolve("rabbitmqctl").toString());
        cmd.add("-n");
        cmd.add(nodeName());
        cmd.addAll(List.of(args));
        return Command.run(cmd, env(), dir.getParent(), COMMAND_TIMEOUT);
    }

    private void createDirectories() {
        try {
            Files.createDirectories(dir.resolve("mnesia"));
            Files.createDirectories(dir.resolve("log"));
            Files.createDirectories(dir.resolve("home"));
        } catch (IOException e) {
            throw new ServiceException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }

    private Map<String, String> env() {
        return Map.ofEntries(
                // HOME holds this node's Erlang cookie, shared by the server and rabbitmqctl
                Map.entry("HOME", dir.resolve("home").toString()),
                Map.entry("RABBITMQ_CONF_ENV_FILE", "/dev/null"),
                Map.entry("RABBITMQ_NODENAME", nodeName()),
                Map.entry("RABBITMQ_NODE_IP_ADDRESS", Loopback.HOST),
                Map.entry("RABBITMQ_NODE_PORT", Integer.toString(port())),
                Map.entry("RABBITMQ_DIST_PORT", Integer.toString(port() + 20000)),
                Map.entry("RABBITMQ_MNESIA_BASE", dir.resolve("mnesia").toString()),
                Map.entry("RABBITMQ_LOG_BASE", dir.resolve("log").toString()),
                Map.entry("RABBITMQ_CONFIG_FILE", dir.resolve("rabbitmq").toString()),
                Map.entry("RABBITMQ_ADVANCED_CONFIG_FILE", dir.resolve("advanced.config").toString()),
                Map.entry("RABBITMQ_ENABLED_PLUGINS_FILE", dir.resolve("enabled_plugins").toString()),
                Map.entry("RABBITMQ_PID_FILE", dir.resolve("rabbitmq.pid").toString()),
                // epmd (if this node is the one starting it) and Erlang distribution on loopback only
                Map.entry("ERL_EPMD_ADDRESS", Loopback.HOST),
                Map.entry("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}"));
    }
}
