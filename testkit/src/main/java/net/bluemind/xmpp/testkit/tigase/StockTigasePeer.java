package net.bluemind.xmpp.testkit.tigase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import net.bluemind.xmpp.testkit.services.LoopbackRoute;
import net.bluemind.xmpp.testkit.services.TcpRelay;

/**
 * Another XMPP server on the internet that happens to be a stock Tigase 8.4.0 (no bm-xmpp bundle): a copy of a
 * Tigase install ({@link TigaseUnderTest#installWithoutBundle}) with Tigase's own default configuration
 * ({@link TigaseUnderTest#configureBaseline}: its own SASL, users in its own Derby store, the self-signed certificate
 * it makes for its domain), serving one domain on an address of its own routed to the loopback interface
 * ({@link LoopbackRoute}, from {@value #ADDRESSES}: root only; another /24 than the cluster test's and Prosody's), with
 * every listener bound there (c2s 5222/5223, s2s 5269, BOSH 5280, WebSocket 5290). Its users are created in its
 * store with Tigase's own stored procedure before the start. The names it resolves come from a hosts file of its own
 * ({@code -Djdk.net.hosts.file}); its s2s code logs at ALL ({@code --debug = server.xmppserver}) so that a test can
 * tell from {@link #log()} how links were encrypted and authenticated. Stopped (SIGTERM) and removed at close.
 *
 * <p>A stock Tigase never opens a server-to-server connection to 127.0.0.1: it takes a remote domain resolving there
 * for a DNS misconfiguration ({@code CIDConnections}: "DNS misconfiguration for domain", the stanza bounces with
 * {@code remote-server-not-found}, "S2S - destination host not found"). A name given as 127.0.0.1 in {@code hosts} (the
 * e2e Tigase listens there only) is therefore resolved by the peer to {@value #RELAY_ADDRESS}, where a {@link TcpRelay}
 * forwards port {@value #S2S_PORT} to 127.0.0.1, byte for byte (TLS end to end).
 */
public final class StockTigasePeer implements AutoCloseable {

    /** Where the peer's address is taken from (198.18.0.0/15 is reserved for benchmarking, RFC 2544). */
    public static final String ADDRESSES = "198.18.79.0/24";
    public static final String FIRST_ADDRESS = "198.18.79.1";
    public static final int C2S_PORT = 5222;
    public static final int S2S_PORT = 5269;
    /** Where the peer finds the servers that listen on 127.0.0.1 only (through a {@link TcpRelay}). */
    public static final String RELAY_ADDRESS = "198.18.79.254";

    private final String domain;
    private final TigaseUnderTest tigase;
    private final LoopbackRoute route;
    private final TcpRelay relay;
    private final Duration startTook;

    private StockTigasePeer(String domain, TigaseUnderTest tigase, LoopbackRoute route, TcpRelay relay, Duration startTook) {
        this.domain = domain;
        this.tigase = tigase;
        this.route = route;
        this.relay = relay;
        this.startTook = startTook;
    }

    /** Null when a peer can run from {@code install} here, else why not (for the test's skip message). */
    public static String unavailable(Path install) {
        if (install == null) {
            return "no Tigase 8.4.0 install named for the peer";
        }
        if (!Files.isRegularFile(install.resolve("jars/tigase-server-8.4.0.jar"))) {
            return install + " has no jars/tigase-server-8.4.0.jar";
        }
        if (!LoopbackRoute.possible(ADDRESSES)) {
            return "needs root to route " + ADDRESSES + " to the loopback interface (the peer's own address)";
        }
        return null;
    }

    /**
     * Copies {@code install}, configures it for {@code domain} on {@code address}, creates {@code users} (address →
     * password), starts it and waits until it is ready.
     *
     * @param hosts how the peer resolves other servers' names: name → address (e.g. the domain under test → 127.0.0.1)
     */
    public static StockTigasePeer start(Path install, Path repo, String domain, String address, Map<String, String> hosts,
            Map<String, String> users, Duration timeout) throws IOException, InterruptedException {
        long started = System.nanoTime();
        LoopbackRoute route = LoopbackRoute.ensure(ADDRESSES);
        TigaseUnderTest t = null;
        TcpRelay relay = null;
        try {
            if (hosts.containsValue("127.0.0.1")) {
                relay = TcpRelay.start(RELAY_ADDRESS, S2S_PORT, "127.0.0.1", S2S_PORT);
            }
            t = TigaseUnderTest.installWithoutBundle(install, repo).listenOn(address);
            t.configureBaseline(domain, null, List.of("--debug = server.xmppserver"));
            StringBuilder h = new StringBuilder("127.0.0.1 localhost\n").append(address).append(' ').append(domain).append('\n');
            hosts.forEach((name, ip) -> h.append("127.0.0.1".equals(ip) ? RELAY_ADDRESS : ip).append(' ').append(name).append('\n'));
            Path hostsFile = t.home().resolve("etc/hosts");
            Files.writeString(hostsFile, h, StandardCharsets.US_ASCII);
            t.jvmArgs(List.of("-Djdk.net.hosts.file=" + hostsFile));
            t.createOwnUsers(users);
            t.start(timeout);
            return new StockTigasePeer(domain, t, route, relay, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (t != null) {
                t.close();
            }
            if (relay != null) {
                relay.close();
            }
            route.close();
            throw e;
        }
    }

    public String domain() {
        return domain;
    }

    public String address() {
        return tigase.address();
    }

    /** From the copy of the install to "ready to use": store creation, users, JVM start. */
    public Duration startTook() {
        return startTook;
    }

    /** Tigase's log (logs/tigase.log.N, oldest first). */
    public String log() {
        List<Path> files = new ArrayList<>();
        try (var list = Files.list(tigase.home().resolve("logs"))) {
            list.filter(p -> p.getFileName().toString().matches("tigase\\.log\\.\\d+")).forEach(files::add);
        } catch (IOException e) {
            return "(cannot list " + tigase.home().resolve("logs") + ": " + e.getMessage() + ")";
        }
        files.sort(Comparator.comparing((Path p) -> Integer.parseInt(p.getFileName().toString().substring("tigase.log.".length())))
                .reversed());
        StringBuilder all = new StringBuilder();
        for (Path f : files) {
            try {
                all.append(Files.readString(f, StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                all.append("(cannot read ").append(f).append(")\n");
            }
        }
        return all.toString();
    }

    @Override
    public void close() throws IOException {
        try {
            tigase.close();
        } finally {
            if (relay != null) {
                relay.close();
            }
            route.close();
        }
    }
}
