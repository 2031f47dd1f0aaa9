package net.bluemind.xmpp.bench.e2e;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import net.bluemind.xmpp.bench.Benchmark;
import net.bluemind.xmpp.bench.Latencies;
import net.bluemind.xmpp.bench.Report;
import net.bluemind.xmpp.testkit.core.BmCoreSimulator;
import net.bluemind.xmpp.testkit.services.ArchiveCount;
import net.bluemind.xmpp.testkit.services.DedicatedElasticsearch;
import net.bluemind.xmpp.testkit.services.RabbitMqService;
import net.bluemind.xmpp.testkit.tigase.TigaseCluster;

/**
 * The steady-chat scenario of the e2e load benchmark on a cluster of one node, then of two (testkit
 * {@link TigaseCluster}: cluster mode, shared PostgreSQL, the bundle, archive on), in one run. On two nodes the users
 * alternate between the nodes and each chats with a partner on the other node, so every message crosses the cluster
 * connection: the ratio is the cost of the second node and of cross-node routing. Both nodes share this machine's
 * cores with each other and with Elasticsearch and the harness, so it measures overhead, not capacity.
 * Sizes: {@code bmx.cluster.users} (200), {@code bmx.cluster.chat-seconds} (45), {@code bmx.cluster.chat-interval-ms}
 * (1000 per user).
 */
public final class ClusterThroughputBenchmark implements Benchmark {

    private static final String DOMAIN = "bluemind.test";
    private static final String PASSWORD = "load-pw";

    private final int users = Integer.getInteger("bmx.cluster.users", 200);
    private final int seconds = Integer.getInteger("bmx.cluster.chat-seconds", 45);
    private final long interval = Long.getLong("bmx.cluster.chat-interval-ms", 1000);

    @Override
    public String name() {
        return "cluster";
    }

    @Override
    public String description() {
        return "steady chat on a cluster of one node, then two (needs TIGASE_HOME, PostgreSQL, root): msg/s and latency, ratio";
    }

    @Override
    public boolean inDefaultRun() {
        return false; // two Tigase clusters in a row: scripts/bench.sh cluster
    }

    @Override
    public void run(Report report) throws Exception {
        String home = System.getenv("TIGASE_HOME");
        if (home == null || home.isBlank() || !TigaseCluster.possible()) {
            report.note("skipped: needs TIGASE_HOME, Debian's postgresql and root (docs/developers-guide.md, 'Benchmarks')");
            return;
        }
        report.note(String.format(Locale.ROOT, "%d users chatting in pairs, one message each per %d ms for %d s; "
                + "this machine has %d cores for everything", users, interval, seconds, Runtime.getRuntime().availableProcessors()));
        Path repo = Path.of(System.getProperty("bmx.repo.dir", ".")).toAbsolutePath().normalize();
        URI amqp = RabbitMqService.ensureStarted();
        try (DedicatedElasticsearch es = new DedicatedElasticsearch().startFresh(); BmCoreSimulator core = BmCoreSimulator.start()) {
            List<String> jids = new ArrayList<>();
            for (int i = 1; i <= users; i++) {
                String jid = String.format(Locale.ROOT, "load%04d@%s", i, DOMAIN);
                core.addUser(jid, PASSWORD, "hasIM");
                jids.add(jid);
            }
            SteadyChat.Result one = chat(report, "1 node", 1, Path.of(home), repo, core, amqp, es.url(), jids);
            SteadyChat.Result two = chat(report, "2 nodes", 2, Path.of(home), repo, core, amqp, es.url(), jids);
            report.ratio("delivered msg/s, 2 nodes / 1 node (one machine: overhead, not capacity)",
                    two.deliveredPerSecond(), one.deliveredPerSecond());
            report.figure("p50 delivery, 2 nodes - 1 node", two.latencies().percentileMillis(50) - one.latencies().percentileMillis(50), "ms");
            report.figure("p99 delivery, 2 nodes - 1 node", two.latencies().percentileMillis(99) - one.latencies().percentileMillis(99), "ms");
        }
    }

    private SteadyChat.Result chat(Report report, String label, int nodes, Path home, Path repo, BmCoreSimulator core,
            URI amqp, URI es, List<String> jids) throws Exception {
        Path work = Files.createTempDirectory("bm-xmpp-cluster-bench");
        try (TigaseCluster cluster = TigaseCluster.install(home, repo, repo.resolve("packaging/target/bundle/jars"), nodes,
                55434, work)) {
            cluster.configure(repo.resolve("etc/init.properties"), DOMAIN, Map.of(
                    "core-url", core.baseUrl().toString(),
                    "core-token-file", core.writeTokenFile(work).toString(),
                    "amqp-uri", amqp.toString(),
                    "es-urls", es.toString(),
                    "certs-dir", work.resolve("certs").toString()),
                    n -> Map.of("archive-spool-dir", work.resolve("spool-" + n.number()).toString()), Map.of());
            cluster.start(java.time.Duration.ofSeconds(180));
            Map<String, String> serverOf = new HashMap<>();
            for (int i = 0; i < jids.size(); i++) {
                serverOf.put(jids.get(i), cluster.node(i % nodes + 1).address()); // load0001 on node 1, load0002 on node 2...
            }
            LoginStorm.Result in = LoginStorm.run(jids, serverOf::get, PASSWORD, 16);
            if (in.sessions().size() < jids.size()) {
                LoginStorm.closeAll(in.sessions());
                throw new IllegalStateException(label + ": " + in.failed() + " logins failed: " + in.failures());
            }
            // partners are neighbours in user order (SteadyChat pairs i with i^1): on two nodes, never on the same node
            List<LoadConnection> sessions = new ArrayList<>(in.sessions());
            sessions.sort(Comparator.comparing(c -> c.jid));
            String tag = "clusterchat" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            SteadyChat.Result r = SteadyChat.run(sessions, tag, interval, seconds);
            LoginStorm.closeAll(sessions);
            report.figure("delivered, " + label, r.deliveredPerSecond(), "msg/s");
            latencies(report, "delivery, " + label, r.latencies());
            report.note(label + ": " + r.sent() + " sent, " + r.delivered() + " delivered, " + ArchiveCount.awaitWithWord(es, tag, r.delivered(), java.time.Duration.ofSeconds(60))
                    + " in Elasticsearch");
            return r;
        }
    }

    private static void latencies(Report report, String label, Latencies l) {
        report.figure(label + " p50", l.percentileMillis(50), "ms");
        report.figure(label + " p99", l.percentileMillis(99), "ms");
    }
}
