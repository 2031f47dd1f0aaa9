package net.bluemind.xmpp.bench.e2e;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.bluemind.xmpp.testkit.core.BmCoreSimulator;
import net.bluemind.xmpp.testkit.services.DedicatedElasticsearch;
import net.bluemind.xmpp.testkit.services.RabbitMqService;
import net.bluemind.xmpp.testkit.tigase.TigaseUnderTest;

/**
 * What the end-to-end load runs against: the bm-core simulator with {@code users} generated directory users
 * ({@code load0001@bluemind.test} ..., each with the IM role), real RabbitMQ, an Elasticsearch node of the run's own
 * (thrown away at the end, with the million messages of the history scenario), and one Tigase at a
 * time from a copy of TIGASE_HOME: with the bundle (archive on or off), or as Tigase ships it (its own auth, the
 * same accounts in its own store) for the baseline.
 */
final class LoadStack implements AutoCloseable {

    static final String DOMAIN = "bluemind.test";
    static final String PASSWORD = "load-pw";

    final BmCoreSimulator core;
    final URI es;
    final List<String> users = new ArrayList<>();
    private final URI amqp;
    private final DedicatedElasticsearch ownEs;
    private final Path tigaseHome;
    private final Path repo;
    private final Path work;
    private TigaseUnderTest tigase;

    enum Server {
        BUNDLE("Tigase + bm-xmpp"),
        /** The bundle with the login settings it shipped before issue 27 ({@link #LOGIN_SETTINGS_BEFORE}). */
        BUNDLE_BEFORE("Tigase + bm-xmpp, login settings as before issue 27"),
        BUNDLE_SPOOL_AFTER_ROUTING("Tigase + bm-xmpp, archive-spool-before-routing = false"),
        BUNDLE_ARCHIVE_OFF("Tigase + bm-xmpp, archive off"),
        TIGASE_ONLY("Tigase alone (its own auth and store)");

        final String label;

        Server(String label) {
            this.label = label;
        }
    }

    /**
     * The lines of the shipped init.properties that issue 27 (login speed) added or changed, each with what it was
     * before: the benchmark runs both in one run, so that before / after is a ratio of one run.
     */
    static final Map<String, String> LOGIN_SETTINGS_BEFORE = Map.of(
            "userRepository/default/cls = net.bluemind.xmpp.domains.tigase.PreparedUserDataRepository",
            "# before: Tigase's own JDBCRepository for the user store",
            "c2s/tls-check-own-certificate[B] = false",
            "c2s/tls-check-own-certificate[B] = true",
            "c2s/tcp-nodelay[B] = true",
            "c2s/tcp-nodelay[B] = false");

    LoadStack(Path tigaseHome, int userCount) throws Exception {
        this.tigaseHome = tigaseHome;
        this.repo = Path.of(System.getProperty("bmx.repo.dir", ".")).toAbsolutePath().normalize();
        amqp = RabbitMqService.ensureStarted();
        ownEs = new DedicatedElasticsearch().startFresh();
        es = ownEs.url();
        core = BmCoreSimulator.start();
        work = Files.createTempDirectory("bm-xmpp-load");
        for (int i = 1; i <= userCount; i++) {
            String jid = String.format(Locale.ROOT, "load%04d@%s", i, DOMAIN);
            core.addUser(jid, PASSWORD, "hasIM");
            users.add(jid);
        }
    }

    /** Stops the running Tigase, if any, and starts the given one; its process id is then {@link #pid()}. */
    void start(Server server) throws Exception {
        stopTigase();
        configured = null;
        Path bundle = repo.resolve("packaging/target/bundle/jars");
        if (server == Server.TIGASE_ONLY) {
            tigase = TigaseUnderTest.installWithoutBundle(tigaseHome, repo);
            tigase.configureBaseline(DOMAIN, null);
            Map<String, String> accounts = new LinkedHashMap<>();
            users.forEach(u -> accounts.put(u, PASSWORD));
            tigase.createOwnUsers(accounts);
        } else {
            if (!Files.isDirectory(bundle)) {
                throw new IllegalStateException("no bundle in " + bundle + ": build it first (mvn package)");
            }
            tigase = TigaseUnderTest.install(tigaseHome, repo, bundle);
            Map<String, String> settings = new java.util.HashMap<>(Map.of(
                    "core-url", core.baseUrl().toString(),
                    "core-token-file", core.writeTokenFile(work).toString(),
                    "amqp-uri", amqp.toString(),
                    "es-urls", es.toString(),
                    "certs-dir", work.resolve("certs").toString(),
                    "archive-spool-dir", work.resolve("spool").toString()));
            if (server == Server.BUNDLE_SPOOL_AFTER_ROUTING) {
                settings.put("archive-spool-before-routing", "false");
            }
            Map<String, String> lines = switch (server) {
                case BUNDLE_ARCHIVE_OFF -> Map.of("sess-man/bm-archive/active[B] = true", "sess-man/bm-archive/active[B] = false");
                case BUNDLE_BEFORE -> LOGIN_SETTINGS_BEFORE;
                default -> Map.of();
            };
            tigase.configure(repo.resolve("etc/init.properties"), DOMAIN, settings, lines);
            configured = () -> tigase.configure(repo.resolve("etc/init.properties"), DOMAIN, settings, lines);
        }
        tigase.start(Duration.ofSeconds(120));
    }

    /** How the running server with the bundle was configured, to configure it again at a restart. */
    private interface Configuration {
        void apply() throws Exception;
    }

    private Configuration configured;

    /**
     * Stops the server with the bundle and starts it again on the same store: what a server meets at the first login
     * of the day (its users' rows in Tigase's store, nothing in the credential cache).
     */
    void restart() throws Exception {
        tigase.stop();
        configured.apply();
        tigase.start(Duration.ofSeconds(120));
    }

    /** The certificate the bundle made for {@link #DOMAIN} (after a start with the bundle). */
    net.bluemind.xmpp.domains.certs.DomainCertificate certificate() throws Exception {
        return net.bluemind.xmpp.domains.certs.PemFormat.read(DOMAIN, Files.readAllBytes(work.resolve("certs").resolve(DOMAIN + ".pem")));
    }

    long pid() {
        return tigase.pid();
    }

    private void stopTigase() throws Exception {
        if (tigase != null) {
            tigase.close();
            tigase = null;
        }
    }

    @Override
    public void close() throws Exception {
        try (ownEs; core) { // stopped even when stopping Tigase fails (its Elasticsearch would hold the port)
            stopTigase();
        }
    }
}
