package net.bluemind.xmpp.testkit.services;

import java.net.URI;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * The Elasticsearch of the tests, on http://127.0.0.1:9201 (or {@code BMX_ES_PORT}).
 * {@link #ensureStarted()} uses whatever already answers there and never stops it; otherwise it starts
 * the integ-test distribution (see {@link ElasticsearchNode}) and stops it when the JVM exits. One that
 * cannot start throws {@link ServiceException} with the reason, so the calling test fails.
 */
public final class ElasticsearchService {

    private static final Logger LOG = Logger.getLogger(ElasticsearchService.class.getName());

    private static ElasticsearchNode node;
    private static boolean owned;

    private ElasticsearchService() {
    }

    /** The HTTP URL of a healthy Elasticsearch (http://127.0.0.1:9201). */
    public static synchronized URI ensureStarted() {
        ServicesConfig config = ServicesConfig.fromEnvironment();
        if (node == null) {
            node = new ElasticsearchNode(config);
        }
        ElasticsearchNode n = node;
        if (n.healthy()) {
            return n.url();
        }
        try (StartLock lock = StartLock.acquire(config.stateDir(), "es-" + n.port())) {
            if (Loopback.listening(n.port()) || n.running()) {
                // something is there, maybe still starting: wait for it rather than start a second one
                if (!Loopback.await(Duration.ofSeconds(90), n::healthy)) {
                    throw new ServiceException("something listens on " + n.url() + " but is not a healthy Elasticsearch");
                }
                LOG.info(() -> "using the Elasticsearch already answering on " + n.url());
            } else {
                LOG.info(() -> "starting Elasticsearch " + EsDistribution.version() + " on " + n.url());
                n.start();
                if (!owned) {
                    owned = true;
                    Runtime.getRuntime().addShutdownHook(new Thread(ElasticsearchService::atExit, "es-service-stop"));
                }
            }
        }
        return n.url();
    }

    private static synchronized void atExit() {
        LOG.info(() -> "stopping Elasticsearch on " + node.url() + " (started by this JVM)");
        node.stop();
    }
}
