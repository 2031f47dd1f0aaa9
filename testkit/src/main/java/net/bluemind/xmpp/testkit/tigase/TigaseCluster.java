package net.bluemind.xmpp.testkit.tigase;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.bluemind.xmpp.testkit.services.LoopbackRoute;
import net.bluemind.xmpp.testkit.services.PostgresNode;

/**
 * Tigase nodes with the bundle in Tigase's cluster mode on one machine (docs/developers-guide.md, "Scaling out: the cluster test"): node {@code i} listens
 * on 198.18.77.{i} only (an address range routed to the loopback interface, {@link LoopbackRoute}: Tigase does not
 * connect to cluster nodes on 127/8) under the host name {@code node<i>.cluster.test} (a hosts file of the cluster's
 * own, given to each JVM), all nodes share a PostgreSQL of the cluster's own (Tigase's user store and node list, its schema created
 * by Tigase's tool) and are configured by the shipped etc/init.properties with its cluster lines un-commented, as an
 * operator does. Rooms run on node 1; the other nodes forward room traffic there. Nothing of TIGASE_HOME is modified.
 */
public final class TigaseCluster implements AutoCloseable {

    public static final String DATABASE = "tigasedb";
    public static final String DB_USER = "tigase";
    public static final String DB_PASSWORD = "tigase-cluster-pw";
    /** The port the nodes connect to each other on (cl-comp). */
    public static final int CLUSTER_PORT = 5277;
    /** Where the nodes listen: node i on 198.18.77.i. */
    public static final String ADDRESSES = "198.18.77.0/24";

    /** One node: its host name, its loopback address (where clients connect, on the usual ports) and its server. */
    public record Node(int number, String hostName, String address, TigaseUnderTest tigase) {
    }

    private final LoopbackRoute route;
    private final PostgresNode database;
    private final List<Node> nodes = new ArrayList<>();

    private TigaseCluster(LoopbackRoute route, PostgresNode database) {
        this.route = route;
        this.database = database;
    }

    /** Whether a cluster can run here: PostgreSQL installed, and the nodes' addresses routed or routable (root). */
    public static boolean possible() {
        return PostgresNode.installed() && LoopbackRoute.possible(ADDRESSES);
    }

    /**
     * PostgreSQL started on {@code databasePort} with Tigase's schema, and {@code count} copies of TIGASE_HOME with the
     * bundle; call {@link #configure} then {@link #start}.
     */
    public static TigaseCluster install(Path tigaseHome, Path repo, Path bundle, int count, int databasePort, Path work)
            throws IOException, InterruptedException {
        LoopbackRoute route = LoopbackRoute.ensure(ADDRESSES);
        TigaseCluster cluster;
        try {
            cluster = new TigaseCluster(route, new PostgresNode(databasePort).startFresh());
        } catch (RuntimeException e) {
            route.close();
            throw e;
        }
        try {
            Path driver = Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            StringBuilder hosts = new StringBuilder("127.0.0.1 localhost " + InetAddress.getLocalHost().getHostName() + "\n");
            for (int i = 1; i <= count; i++) {
                hosts.append(address(i)).append(" node").append(i).append(".cluster.test\n");
            }
            Path hostsFile = work.resolve("cluster-hosts");
            Files.writeString(hostsFile, hosts, StandardCharsets.US_ASCII);
            for (int i = 1; i <= count; i++) {
                TigaseUnderTest t = TigaseUnderTest.install(tigaseHome, repo, bundle);
                t.addJar(driver);
                String name = "node" + i + ".cluster.test";
                t.listenOn(address(i)).jvmArgs(List.of("-Dtigase-primary-address=" + name,
                        "-Djdk.net.hosts.file=" + hostsFile));
                cluster.nodes.add(new Node(i, name, t.address(), t));
            }
            cluster.nodes.get(0).tigase().installSchema(cluster.database.address(), DATABASE, DB_USER, DB_PASSWORD,
                    PostgresNode.SUPERUSER, PostgresNode.SUPERUSER_PASSWORD);
            return cluster;
        } catch (Exception e) {
            cluster.close();
            throw e instanceof IOException io ? io : new IOException("cannot set up the cluster: " + e.getMessage(), e);
        }
    }

    private static String address(int node) {
        return ADDRESSES.substring(0, ADDRESSES.lastIndexOf('.') + 1) + node;
    }

    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    /** Node {@code number}, from 1. */
    public Node node(int number) {
        return nodes.get(number - 1);
    }

    public PostgresNode database() {
        return database;
    }

    public String databaseUri() {
        return "jdbc:postgresql://" + database.address() + "/" + DATABASE + "?user=" + DB_USER + "&password="
                + DB_PASSWORD + "&autoCreateUser=true";
    }

    /**
     * Writes each node's init.properties: the shipped file with its cluster lines un-commented (the shared database
     * instead of Derby, the clustered c2s, the cluster port on the node's own address; on nodes other than the first,
     * the room service forwarding to node 1), the given bm-xmpp settings (those that differ between nodes, e.g. the
     * spool, from {@code perNode}) and the caller's own line replacements.
     */
    public void configure(Path shippedInitProperties, String mainDomain, Map<String, String> settings,
            java.util.function.Function<Node, Map<String, String>> perNode, Map<String, String> lineReplacements)
            throws IOException {
        for (Node n : nodes) {
            configureNode(n, shippedInitProperties, mainDomain, settings, perNode.apply(n), lineReplacements);
        }
    }

    /** The same for one node (e.g. before it is restarted with other settings). */
    public void configureNode(Node n, Path shippedInitProperties, String mainDomain, Map<String, String> settings,
            Map<String, String> nodeSettings, Map<String, String> lineReplacements) throws IOException {
        Map<String, String> all = new HashMap<>(settings);
        all.putAll(nodeSettings);
        Map<String, String> lines = new HashMap<>(lineReplacements);
        lines.put("#--cluster-mode = true", "--cluster-mode = true");
        lines.put("--user-db-uri = jdbc:derby:tigasedb;create=true;autoCreateUser=true", "# (the cluster's database below)");
        lines.put("#--user-db-uri = jdbc:postgresql://db.example.com/tigasedb?user=tigase&password=CHANGE-ME&autoCreateUser=true",
                "--user-db-uri = " + databaseUri());
        lines.put("#cl-comp/connections/ports[i] = " + CLUSTER_PORT, "cl-comp/connections/ports[i] = " + CLUSTER_PORT
                + "\ncl-comp/connections/" + CLUSTER_PORT + "/ifc[s] = " + n.address());
        lines.put("#c2s/class = net.bluemind.xmpp.domains.tigase.SerializedTlsClientConnectionClustered",
                "c2s/class = net.bluemind.xmpp.domains.tigase.SerializedTlsClientConnectionClustered");
        if (n.number() > 1) {
            lines.put("#conference/class = tigase.cluster.VirtualComponent", "conference/class = tigase.cluster.VirtualComponent");
            lines.put("#conference/redirect-to = conference@rooms-node.example.com",
                    "conference/redirect-to = conference@" + node(1).hostName());
        }
        n.tigase().configure(shippedInitProperties, mainDomain, all, lines);
    }

    /** Starts the nodes one after the other (the first registers in the node list, the next ones join it). */
    public void start(Duration timeoutEach) throws IOException, InterruptedException {
        for (Node n : nodes) {
            n.tigase().start(timeoutEach);
        }
    }

    @Override
    public void close() {
        for (Node n : nodes) {
            try {
                n.tigase().close();
            } catch (IOException e) {
                System.err.println("cluster: removing " + n.hostName() + "'s install: " + e);
            }
        }
        database.close();
        route.close();
    }
}
