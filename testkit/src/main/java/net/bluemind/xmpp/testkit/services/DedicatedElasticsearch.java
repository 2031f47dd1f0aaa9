package net.bluemind.xmpp.testkit.services;

import java.net.URI;
import java.nio.file.Path;

/**
 * An Elasticsearch node of one test's own, which the test may kill and start again (the shared one of
 * {@link ElasticsearchService} must never be stopped by one suite). HTTP on the shared node's port + 2,
 * its data under {@code <services dir>/es-<port>}, emptied when first started and removed at close.
 */
public final class DedicatedElasticsearch implements AutoCloseable {

    private final ElasticsearchNode node;
    private final Path dir;

    public DedicatedElasticsearch() {
        ServicesConfig shared = ServicesConfig.fromEnvironment();
        ServicesConfig own = new ServicesConfig(shared.stateDir(), shared.rabbitPort(), shared.esPort() + 2,
                shared.rabbitBin(), shared.esZip());
        node = new ElasticsearchNode(own);
        dir = own.stateDir().resolve("es-" + own.esPort());
    }

    public URI url() {
        return node.url();
    }

    /** Starts the node with empty data; throws {@link ServiceException} with the reason if it cannot. */
    public DedicatedElasticsearch startFresh() {
        if (node.running() || Loopback.listening(node.port())) {
            throw new ServiceException("port " + node.port() + " is taken: a dedicated Elasticsearch needs it free");
        }
        deleteDir();
        node.start();
        return this;
    }

    /**
     * Stops it if it runs (gracefully), then starts it again on the data it had, waiting until it is healthy; after
     * {@link #kill()} only the start is left. Starting a second process while the first still held the data dir
     * failed ("Lock held by another program": the soak run's ES restart).
     */
    public void restart() {
        node.stop();
        node.start();
    }

    /** SIGKILL, as a crash or a power cut would: no flush, no graceful close. Returns once it is dead. */
    public void kill() {
        node.kill();
    }

    @Override
    public void close() {
        node.stop();
        deleteDir();
    }

    private void deleteDir() {
        Dirs.deleteTree(dir);
    }
}
