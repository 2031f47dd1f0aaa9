package net.bluemind.xmpp.it.e2e;

import net.bluemind.xmpp.testkit.tigase.TigaseUnderTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import net.bluemind.xmpp.testkit.bus.BusPublisher;
import net.bluemind.xmpp.testkit.core.BmCoreSimulator;
import net.bluemind.xmpp.testkit.services.ElasticsearchService;
import net.bluemind.xmpp.testkit.services.RabbitMqService;

/**
 * The one stack every e2e class of a run shares: the bm-core simulator, real RabbitMQ and Elasticsearch,
 * and a copy of TIGASE_HOME with the bundle, configured by the shipped etc/init.properties. Started by the
 * first class that asks, stopped when the JVM exits. {@link #get()} is null when TIGASE_HOME is not set.
 */
final class E2eStack {

    static final String SKIP_MESSAGE = "e2e suite skipped: set TIGASE_HOME to a Tigase 8.4.0 install (see docs/developers-guide.md, End-to-end suite)";
    static final String DOMAIN = "bluemind.test";
    /** Tigase is ready in 20-40 s on two idle cores; more than 90 s was seen on a loaded machine. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("bmx.e2e.tigase-start-seconds", 180));

    /** The port of WebCorsE2eIT's nginx, configured as BlueMind's (etc/nginx-web-clients.conf, nginx-upload.conf). */
    static final int WEB_FRONT_PORT = 18090;

    private static E2eStack instance;
    private static boolean tried;
    private static Exception failure;

    final BmCoreSimulator core;
    final TigaseUnderTest tigase;
    final URI es;
    final URI amqp;
    final Path shippedInitProperties;
    final Path tigaseHome;
    private final Map<String, String> settings;
    private final HttpClient http = HttpClient.newHttpClient();

    private E2eStack(Path home) throws Exception {
        Path repo = Path.of(System.getProperty("bmx.repo.dir", "..")).toAbsolutePath().normalize();
        Path bundle = Path.of(System.getProperty("bmx.bundle.dir", repo + "/packaging/target/bundle/jars"));
        tigaseHome = home;
        amqp = RabbitMqService.ensureStarted();
        es = ElasticsearchService.ensureStarted();
        core = BmCoreSimulator.start();
        Path work = Files.createTempDirectory("bm-xmpp-e2e");
        tigase = TigaseUnderTest.install(home, repo, bundle);
        shippedInitProperties = repo.resolve("etc/init.properties");
        settings = new HashMap<>(Map.of(
                "core-url", core.baseUrl().toString(),
                "core-token-file", core.writeTokenFile(work).toString(),
                "amqp-uri", amqp.toString(),
                "es-urls", es.toString(),
                "certs-dir", work.resolve("certs").toString(),
                "archive-spool-dir", work.resolve("spool").toString(),
                "archive-flush-interval", "200ms",
                // the "BlueMind external URL" whose pages may use BOSH and WebSocket: the web IM test page
                "web-origins", WebImPage.ORIGIN));
        // host-meta (WebCorsE2eIT): the web transports as a browser reaches them behind the test's BlueMind nginx
        settings.put("web-websocket-url", "ws://127.0.0.1:" + WEB_FRONT_PORT + "/xmpp-websocket");
        settings.put("web-bosh-url", "http://127.0.0.1:" + WEB_FRONT_PORT + "/http-bind");
        // calls (CallsE2eIT): the test's coturn on loopback; the secret file is written by that test
        settings.put("turn-hosts", "127.0.0.1");
        settings.put("turn-port", Integer.toString(net.bluemind.xmpp.testkit.services.CoturnServer.PORT));
        settings.put("turn-secret-file", work.resolve("turn-secret").toString());
        tigase.configure(shippedInitProperties, DOMAIN, settings);
        tigase.jvmArgs(java.util.List.of("-Djdk.net.hosts.file=" + writeHostsFile(work)));
        System.out.println("e2e: Tigase from " + home + (hasComponent("tigase-muc") ? " (with MUC)" : "")
                + (hasComponent("tigase-pubsub") ? " (with PubSub)" : ""));
        tigase.start(START_TIMEOUT);
    }

    /**
     * The names Tigase resolves, given to its JVM as a hosts file: loopback and this machine, and the remote servers
     * the federation tests start ({@link FederationE2eIT}: {@value #PEER_DOMAIN} on Prosody's own address, and its
     * pubsub service, the push service of {@link PushE2eIT};
     * {@link FederationEjabberdE2eIT}: {@value #EJABBERD_DOMAIN} on ejabberd's; {@link FederationRobustnessE2eIT}: the
     * bad servers of {@link #BAD_PEERS}; {@link FederationTigaseE2eIT}: {@value #TIGASE_PEER_DOMAIN} on a stock
     * Tigase's).
     */
    private static Path writeHostsFile(Path work) throws java.io.IOException {
        Path hosts = work.resolve("hosts");
        StringBuilder h = new StringBuilder("127.0.0.1 localhost " + java.net.InetAddress.getLocalHost().getHostName() + "\n"
                + net.bluemind.xmpp.testkit.services.ProsodyPeer.FIRST_ADDRESS + " " + PEER_DOMAIN + " pubsub." + PEER_DOMAIN + "\n"
                + net.bluemind.xmpp.testkit.services.EjabberdPeer.DEFAULT_ADDRESS + " " + EJABBERD_DOMAIN + "\n"
                + net.bluemind.xmpp.testkit.tigase.StockTigasePeer.FIRST_ADDRESS + " " + TIGASE_PEER_DOMAIN + "\n");
        BAD_PEERS.forEach((name, address) -> h.append(address).append(' ').append(name).append('\n'));
        Files.writeString(hosts, h);
        return hosts;
    }

    /** The second real remote server (ejabberd), which Tigase resolves through {@link #writeHostsFile}. */
    static final String EJABBERD_DOMAIN = "ejabberd.test";

    /**
     * The robustness test's bad remote servers (name → address, in the peers' range routed to lo): nothing listening,
     * a server that accepts and never answers, one that answers garbage, one with a certificate for another name.
     */
    static final Map<String, String> BAD_PEERS = new java.util.TreeMap<>(Map.of(
            "down.test", "198.18.78.3", "slow.test", "198.18.78.4", "garbage.test", "198.18.78.5",
            "wrongcert.test", "198.18.78.6"));

    /** The remote server of the federation test (Prosody), which Tigase resolves through {@link #writeHostsFile}. */
    static final String PEER_DOMAIN = "partner.test";

    /** The remote server of {@link FederationTigaseE2eIT} (a stock Tigase), resolved the same way. */
    static final String TIGASE_PEER_DOMAIN = "tigase.test";

    /**
     * Why a test class with a remote peer skips: no stack ({@link #SKIP_MESSAGE}), or the peer cannot run here
     * ({@code unavailable}, what the peer's launcher said); null when it runs.
     */
    static String whyNot(E2eStack stack, String peer, String unavailable) {
        if (stack == null) {
            return SKIP_MESSAGE;
        }
        return unavailable == null ? null : "no " + peer + " peer: " + unavailable;
    }

    /** The running stack, started at the first call; null when TIGASE_HOME is not set (the caller skips). */
    static synchronized E2eStack get() throws Exception {
        if (!tried) {
            tried = true;
            String home = System.getenv("TIGASE_HOME");
            if (home == null || home.isBlank()) {
                System.out.println(SKIP_MESSAGE);
                return null;
            }
            try {
                instance = new E2eStack(Path.of(home));
            } catch (Exception e) {
                failure = e;
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "e2e-stack-stop"));
        }
        if (failure != null) {
            throw new IllegalStateException("the e2e stack failed to start earlier in this run", failure);
        }
        return instance;
    }

    /** Whether the Tigase under test ships a component jar, e.g. "tigase-muc" or "tigase-pubsub". */
    boolean hasComponent(String artifact) {
        try (var jars = Files.list(tigaseHome.resolve("jars"))) {
            return jars.anyMatch(j -> j.getFileName().toString().startsWith(artifact + "-"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Where the domains plugin keeps each domain's certificate, {@code <domain>.pem} (chain + key). */
    Path certsDir() {
        return Path.of(settings.get("certs-dir"));
    }

    /** The file the server reads the secret shared with coturn from (setting turn-secret-file); not written here. */
    Path turnSecretFile() {
        return Path.of(settings.get("turn-secret-file"));
    }

    /** Stops Tigase, applies the given bm-xmpp settings to the shipped init.properties, starts it again. */
    void restartWith(Map<String, String> changed) throws Exception {
        restartWith(changed, Map.of());
    }

    /**
     * The same, with whole lines of the shipped init.properties replaced for this start only (e.g. a commented Tigase
     * line un-commented, as an operator would); the next restart without them is the shipped file again.
     */
    void restartWith(Map<String, String> changed, Map<String, String> lines) throws Exception {
        tigase.stop();
        settings.putAll(changed);
        tigase.configure(shippedInitProperties, DOMAIN, settings, lines);
        tigase.start(START_TIMEOUT);
    }

    void publish(String exchange, String operation, Map<String, String> properties) throws Exception {
        try (BusPublisher bus = new BusPublisher(amqp)) {
            bus.publish(exchange, operation, properties);
        }
    }

    void publishSystem(String operation, String domain) throws Exception {
        publish(BusPublisher.SYSTEM, operation, Map.of("domain", domain));
    }

    /** The first _search answer of im_read_alias whose hits carry {@code word}, waiting up to 20 s. */
    String awaitInElasticsearch(String word) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        String body = "{\"query\":{\"match\":{\"message\":\"" + word + "\"}}}";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(es.resolve("/im_read_alias/_search"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && r.body().contains(word)) {
                return r.body();
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no archived message with '" + word + "' in Elasticsearch after 20 s");
    }

    private void close() {
        try {
            tigase.close();
        } catch (Exception e) {
            System.err.println("e2e: stopping Tigase: " + e);
        }
        core.close();
    }
}
