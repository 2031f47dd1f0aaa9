package net.bluemind.xmpp.testkit.services;

import java.net.URI;
import java.util.logging.Logger;

/**
 * The RabbitMQ of the tests, on 127.0.0.1:5673 (or {@code BMX_RABBITMQ_PORT}). {@link #ensureStarted()}
 * uses whatever already answers on that port and never stops it; otherwise it starts a private node of
 * Debian's rabbitmq-server and stops it when the JVM exits. A broker that cannot start throws
 * {@link ServiceException} with the reason, so the calling test fails.
 *
 * <p>{@link #stopApp()}, {@link #startApp()} and {@link #restart()} drive the broker for failure tests;
 * they need the node to be one of ours (started by this class or by {@code scripts/services.sh}). If a
 * test stopped the broker and did not start it again, it is started again at JVM exit.
 */
public final class RabbitMqService {

    private static final Logger LOG = Logger.getLogger(RabbitMqService.class.getName());

    private static RabbitMqNode node;
    private static boolean hooksInstalled;
    private static boolean owned;
    private static boolean appStoppedByUs;

    private RabbitMqService() {
    }

    /** The AMQP URI of a running broker (amqp://guest:guest@127.0.0.1:5673). */
    public static synchronized URI ensureStarted() {
        RabbitMqNode n = node();
        if (Loopback.listening(n.port())) {
            return n.uri();
        }
        ServicesConfig config = ServicesConfig.fromEnvironment();
        try (StartLock lock = StartLock.acquire(config.stateDir(), "rabbitmq-" + n.port())) {
            if (Loopback.listening(n.port())) {
                LOG.info(() -> "using the RabbitMQ already listening on " + n.uri().getAuthority());
            } else if (n.answers()) {
                LOG.info(() -> "RabbitMQ node " + n.nodeName() + " is up with its application stopped: starting it");
                n.startApp();
            } else {
                LOG.info(() -> "starting RabbitMQ node " + n.nodeName() + " on " + Loopback.HOST + ":" + n.port());
                n.start();
                owned = true;
            }
        }
        installHooks();
        return n.uri();
    }

    public static int port() {
        return node().port();
    }

    /** Stops the broker's AMQP side (connections dropped, port closed); the node itself stays up. */
    public static synchronized void stopApp() {
        ensureStarted();
        requireOurs();
        appStoppedByUs = true;
        node.stopApp();
    }

    public static synchronized void startApp() {
        requireOurs();
        node.startApp();
        appStoppedByUs = false;
    }

    /** A broker restart as the clients see it: every connection dropped, queues of exclusive consumers gone. */
    public static synchronized void restart() {
        stopApp();
        startApp();
    }

    /**
     * The messages of a queue as "ready unacked" (e.g. "0 0"), from rabbitmqctl, or null when the queue
     * does not exist: lets tests see acknowledgements from the broker's side.
     */
    public static synchronized String queueCounts(String queue) {
        requireOurs();
        return node.queueCounts(queue);
    }

    private static RabbitMqNode node() {
        if (node == null) {
            node = new RabbitMqNode(ServicesConfig.fromEnvironment());
        }
        return node;
    }

    private static void requireOurs() {
        if (!node().answers()) {
            throw new ServiceException("the RabbitMQ on port " + node.port() + " is not node " + node.nodeName()
                    + " of state dir " + ServicesConfig.fromEnvironment().stateDir()
                    + ": it cannot be stopped or restarted by the tests");
        }
    }

    private static void installHooks() {
        if (hooksInstalled) {
            return;
        }
        hooksInstalled = true;
        Runtime.getRuntime().addShutdownHook(new Thread(RabbitMqService::atExit, "rabbitmq-service-stop"));
    }

    private static synchronized void atExit() {
        try {
            if (owned) {
                LOG.info(() -> "stopping RabbitMQ node " + node.nodeName() + " (started by this JVM)");
                node.stop();
            } else if (appStoppedByUs) {
                node.startApp();
            }
        } catch (RuntimeException e) {
            LOG.warning("cannot stop RabbitMQ node " + node.nodeName() + ": " + e.getMessage());
        }
    }
}
