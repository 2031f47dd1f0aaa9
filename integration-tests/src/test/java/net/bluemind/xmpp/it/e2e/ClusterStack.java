package net.bluemind.xmpp.it.e2e;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import net.bluemind.xmpp.testkit.bus.BusPublisher;
import net.bluemind.xmpp.testkit.core.BmCoreSimulator;
import net.bluemind.xmpp.testkit.services.ElasticsearchService;
import net.bluemind.xmpp.testkit.services.RabbitMqService;
import net.bluemind.xmpp.testkit.tigase.TigaseCluster;
import net.bluemind.xmpp.testkit.tigase.TigaseUnderTest;

/**
 * Two Tigase nodes with the bundle in cluster mode (testkit {@link TigaseCluster}: 198.18.77.1 and .2 on the loopback interface, a
 * PostgreSQL of their own on {@value #DATABASE_PORT}), with a bm-core simulator of their own and the run's RabbitMQ and
 * Elasticsearch; a shared certs-dir, a spool per node. Its users and their messages are its own (names with "cl").
 */
final class ClusterStack implements AutoCloseable {

    static final int DATABASE_PORT = 55433;

    final BmCoreSimulator core;
    final TigaseCluster cluster;
    final URI es;
    final URI amqp;
    final Path work;
    private final Path repo;
    private final Map<String, String> settings;
    private final java.util.function.Function<TigaseCluster.Node, Map<String, String>> perNode;

    ClusterStack(Path tigaseHome) throws Exception {
        repo = Path.of(System.getProperty("bmx.repo.dir", "..")).toAbsolutePath().normalize();
        Path bundle = Path.of(System.getProperty("bmx.bundle.dir", repo + "/packaging/target/bundle/jars"));
        amqp = RabbitMqService.ensureStarted();
        es = ElasticsearchService.ensureStarted();
        core = BmCoreSimulator.start();
        work = Files.createTempDirectory("bm-xmpp-cluster");
        settings = Map.of(
                "core-url", core.baseUrl().toString(),
                "core-token-file", core.writeTokenFile(work).toString(),
                "amqp-uri", amqp.toString(),
                "es-urls", es.toString(),
                "certs-dir", work.resolve("certs").toString(),
                "archive-flush-interval", "200ms");
        perNode = n -> Map.of("archive-spool-dir", work.resolve("spool-node" + n.number()).toString());
        TigaseCluster c = null;
        try {
            c = TigaseCluster.install(tigaseHome, repo, bundle, 2, DATABASE_PORT, work);
            c.configure(repo.resolve("etc/init.properties"), E2eStack.DOMAIN, settings, perNode, Map.of());
            c.start(E2eStack.START_TIMEOUT);
        } catch (Exception e) {
            if (c != null) {
                c.close();
            }
            core.close();
            throw e;
        }
        cluster = c;
    }

    static boolean canRun() {
        return TigaseCluster.possible();
    }

    TigaseUnderTest node(int number) {
        return cluster.node(number).tigase();
    }

    /** Where clients of node {@code number} connect (its loopback address, ports 5222/5223). */
    String address(int number) {
        return cluster.node(number).address();
    }

    /** Whether this Tigase has tigase-muc (rooms on node 1, forwarded to from node 2). */
    boolean hasRooms() {
        try (var jars = Files.list(node(1).home().resolve("jars"))) {
            return jars.anyMatch(j -> j.getFileName().toString().startsWith("tigase-muc-"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Stops node {@code number} (if it runs), writes its configuration again with these settings changed, starts it. */
    void restartNode(int number, Map<String, String> changed) throws Exception {
        node(number).stop();
        Map<String, String> s = new java.util.HashMap<>(settings);
        s.putAll(changed);
        cluster.configureNode(cluster.node(number), repo.resolve("etc/init.properties"), E2eStack.DOMAIN, s, perNode.apply(cluster.node(number)), Map.of());
        node(number).start(E2eStack.START_TIMEOUT);
    }

    void publish(String exchange, String operation, Map<String, String> properties) throws Exception {
        try (BusPublisher bus = new BusPublisher(amqp)) {
            bus.publish(exchange, operation, properties);
        }
    }

    @Override
    public void close() {
        cluster.close();
        core.close();
    }
}
