package net.bluemind.xmpp.it.e2e;

import static net.bluemind.xmpp.it.e2e.PeerClients.assertArchivedOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import net.bluemind.xmpp.testkit.services.ArchiveCount;
import net.bluemind.xmpp.testkit.services.LoopbackRoute;
import net.bluemind.xmpp.testkit.services.ProsodyPeer;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Robustness against bad remote servers (issue 25): a BlueMind user writes to a user on each of four bad "servers"
 * ({@link E2eStack#BAD_PEERS}, on addresses routed to lo, named in Tigase's hosts file), and to a domain no DNS knows:
 * <ul>
 *   <li>{@code down.test}: nothing listens (connection refused);
 *   <li>{@code slow.test}: accepts the TCP connection and never answers;
 *   <li>{@code garbage.test}: answers with bytes that are not XMPP (an SSH banner and binary);
 *   <li>{@code wrongcert.test}: an XMPP server that offers STARTTLS, presents a certificate for {@code other.test},
 *       and refuses the dialback of bluemind.test (it does not serve wrongcert.test);
 *   <li>{@code nowhere.test}: not resolvable.
 * </ul>
 * While those messages wait, local delivery between two BlueMind users and the archive must keep working promptly;
 * every message to a bad server must come back to its sender as an error (never lost silently) within the shipped
 * {@code bm-xmpp.s2s-bounce-after} (60 s; stock Tigase 8.4.0: 7 min), with remote-server-timeout for a server that
 * answered on its port (slow, garbage, wrong certificate) and remote-server-not-found for one that did not (down) or
 * does not resolve (at once); the connection attempts back off (stock: one every 2 s). The time each bounce took, the
 * error condition, the connection attempts each fake server saw and what the archive holds for the bounced messages
 * are printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederationRobustnessE2eIT {

    private static final String DOMAIN = E2eStack.DOMAIN;
    private static final String PASSWORD = "robust-pw";
    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private static final String NOWHERE = "nowhere.test";
    /** The shipped bm-xmpp.s2s-bounce-after: the longest a message waits for a link to another server. */
    private static final long BOUNCE_AFTER_SECONDS = 60;
    /** How long the test waits for those bounces: the bound, and a little for the bounce to travel. */
    private static final long BOUNCE_WAIT_SECONDS = BOUNCE_AFTER_SECONDS + 10;
    private static final Map<String, String> CONDITION = Map.of("down.test", "remote-server-not-found",
            "slow.test", "remote-server-timeout", "garbage.test", "remote-server-timeout",
            "wrongcert.test", "remote-server-timeout", NOWHERE, "remote-server-not-found");

    private E2eStack stack;
    private String skip;
    private LoopbackRoute route;
    private final List<FakeServer> fakes = new ArrayList<>();
    private Path work;
    private final String maud = "maud.robust" + RUN + "@" + DOMAIN;
    private final String lou = "lou.robust" + RUN + "@" + DOMAIN;

    @BeforeAll
    void start() throws Exception {
        stack = E2eStack.get();
        if (stack == null) {
            skip = E2eStack.SKIP_MESSAGE;
            return;
        }
        if (!LoopbackRoute.possible(ProsodyPeer.ADDRESSES)) {
            skip = "needs root to route " + ProsodyPeer.ADDRESSES + " to the loopback interface (the bad servers' addresses)";
            return;
        }
        route = LoopbackRoute.ensure(ProsodyPeer.ADDRESSES);
        work = Files.createTempDirectory("bmx-robust");
        SSLContext otherName = tlsFor("other.test");
        fakes.add(new FakeServer("slow.test", Mode.SLOW, null));
        fakes.add(new FakeServer("garbage.test", Mode.GARBAGE, null));
        fakes.add(new FakeServer("wrongcert.test", Mode.WRONG_CERT, otherName));
        stack.core.addUser(maud, PASSWORD, "hasIM");
        stack.core.addUser(lou, PASSWORD, "hasIM");
    }

    @AfterAll
    void stop() {
        fakes.forEach(FakeServer::close);
        for (FakeServer f : fakes) {
            System.out.println("robustness: " + f.name + " saw " + f.connections.size() + " connections from Tigase, at (ms) "
                    + f.connections.subList(0, Math.min(6, f.connections.size())) + (f.connections.size() > 6 ? "..." : "")
                    + (f.transcript.isEmpty() ? "" : "; received (first connection): " + f.transcript.get(0)));
        }
        if (route != null) {
            route.close();
        }
        if (work != null) {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temp folder is harmless
            }
        }
    }

    @Test
    void badRemoteServersNeverBlockLocalDeliveryAndEveryMessageToThemBouncesToItsSender() throws Exception {
        assumeTrue(skip == null, skip);
        XMPPTCPConnection desk = XmppClients.loginAt(XmppClients.SERVER, maud, PASSWORD, "desk");
        XMPPTCPConnection louDesk = XmppClients.loginAt(XmppClients.SERVER, lou, PASSWORD, "desk");
        try {
            Map<String, Bounce> bounces = new ConcurrentHashMap<>();
            Map<String, String> words = new TreeMap<>();
            List<String> domains = new ArrayList<>(E2eStack.BAD_PEERS.keySet());
            domains.add(NOWHERE);
            long t0 = System.nanoTime();
            desk.addAsyncStanzaListener(s -> {
                Message m = (Message) s;
                String from = m.getFrom().getDomain().toString();
                StanzaError e = m.getError();
                bounces.putIfAbsent(from, new Bounce((System.nanoTime() - t0) / 1_000_000,
                        e == null ? "?" : e.getCondition().toString(), e == null ? null : e.getType().toString(),
                        m.getBody(), e == null ? null : e.getDescriptiveText()));
            }, MessageTypeFilter.ERROR);
            for (String d : domains) {
                String word = "robust" + d.substring(0, d.indexOf('.')) + "x" + RUN;
                words.put(d, word);
                send(desk, "someone@" + d, word);
            }

            // local delivery while the bad servers hang: prompt, archived once
            BlockingQueue<String> louGot = XmppClients.chatInbox(louDesk);
            List<Long> latencies = new ArrayList<>();
            List<String> local = new ArrayList<>();
            long localUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.min(60, BOUNCE_WAIT_SECONDS));
            for (int i = 1; System.nanoTime() < localUntil || i <= 3; i++) {
                String w = "robustlocal" + i + "x" + RUN;
                long sent = System.nanoTime();
                send(desk, lou, w);
                String got = louGot.poll(5, TimeUnit.SECONDS);
                assertThat(got).as("local message " + i + " arrived within 5 s while the bad servers hang").isEqualTo(w);
                latencies.add((System.nanoTime() - sent) / 1_000_000);
                local.add(w);
                Thread.sleep(4000);
            }
            System.out.println("robustness: " + local.size() + " local messages while the bad servers hang, latencies (ms) " + latencies);
            assertArchivedOnce(stack.es, local);

            // every message to a bad server comes back as an error
            long deadline = t0 + TimeUnit.SECONDS.toNanos(BOUNCE_WAIT_SECONDS);
            while (bounces.size() < domains.size() && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            Map<String, Long> archived = new TreeMap<>();
            for (var w : words.entrySet()) {
                archived.put(w.getKey(), ArchiveCount.withWord(stack.es, w.getValue()));
            }
            System.out.println("robustness: bounces after " + (System.nanoTime() - t0) / 1_000_000 + " ms: " + new TreeMap<>(bounces));
            System.out.println("robustness: archive documents holding each bounced message's text: " + archived);
            for (FakeServer f : fakes) {
                assertThat(f.stanzas).as(f.name + " was never given the message").isEmpty();
            }
            assertThat(bounces.keySet()).as("an error came back for the message to each bad server within "
                    + BOUNCE_WAIT_SECONDS + " s").containsExactlyInAnyOrderElementsOf(domains);
            bounces.forEach((d, b) -> {
                assertThat(b.condition()).as("the error for " + d + ": " + b).isEqualTo(CONDITION.get(d));
                assertThat(b.body()).as("the bounce for " + d + " carries the message").isEqualTo(words.get(d));
            });
            assertThat(bounces.get(NOWHERE).afterMs()).as("an address no DNS knows bounces at once").isLessThan(10_000);
            for (String d : E2eStack.BAD_PEERS.keySet()) {
                assertThat(bounces.get(d).afterMs()).as("the bounce for " + d + " comes with the bound, not before")
                        .isBetween((BOUNCE_AFTER_SECONDS - 2) * 1000, (BOUNCE_AFTER_SECONDS + 5) * 1000);
            }
            for (FakeServer f : fakes) {
                // stock Tigase: one attempt every 2 s (~30 in 60 s); backing off 2, 4, 8, 16, 30 s: 5 (2 for slow.test)
                assertThat(f.connections.size()).as(f.name + ": connection attempts back off").isBetween(1, 6);
            }
        } finally {
            desk.disconnect();
            louDesk.disconnect();
        }
    }

    record Bounce(long afterMs, String condition, String type, String body, String text) {
    }

    private static void send(XMPPTCPConnection from, String to, String body) throws Exception {
        from.sendStanza(from.getStanzaFactory().buildMessageStanza().to(JidCreate.from(to)).ofType(Message.Type.chat)
                .setBody(body).build());
    }

    /** A TLS server context with a self-signed certificate for {@code name} (openssl, as a PKCS#12 key store). */
    private SSLContext tlsFor(String name) throws Exception {
        Path key = work.resolve(name + ".key");
        Path crt = work.resolve(name + ".crt");
        Path p12 = work.resolve(name + ".p12");
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=" + name,
                "-addext", "subjectAltName=DNS:" + name, "-keyout", key.toString(), "-out", crt.toString());
        run("openssl", "pkcs12", "-export", "-inkey", key.toString(), "-in", crt.toString(), "-out", p12.toString(),
                "-passout", "pass:changeit");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", cmd) + ": " + out).isZero();
    }

    enum Mode { SLOW, GARBAGE, WRONG_CERT }

    /** One bad server on port 5269 of its address: records its connections, what it received, any stanza given. */
    static final class FakeServer implements AutoCloseable {
        final String name;
        final Mode mode;
        final SSLContext tls;
        final ServerSocket server;
        final List<Long> connections = new CopyOnWriteArrayList<>();
        final List<String> transcript = new CopyOnWriteArrayList<>();
        final List<String> stanzas = new CopyOnWriteArrayList<>();
        final List<Socket> open = new CopyOnWriteArrayList<>();
        final long started = System.nanoTime();

        FakeServer(String name, Mode mode, SSLContext tls) throws IOException {
            this.name = name;
            this.mode = mode;
            this.tls = tls;
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getByName(E2eStack.BAD_PEERS.get(name)), 5269), 50);
            Thread t = new Thread(this::acceptLoop, "fake-" + name);
            t.setDaemon(true);
            t.start();
        }

        private void acceptLoop() {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    connections.add((System.nanoTime() - started) / 1_000_000);
                    open.add(s);
                    Thread t = new Thread(() -> serve(s), "fake-" + name + "-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket s) {
            StringBuilder seen = new StringBuilder();
            try {
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                switch (mode) {
                    case SLOW -> {
                        readUntil(in, seen, "never");
                    }
                    case GARBAGE -> {
                        out.write("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.write(new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, '<', '<', '>', 0x1b});
                        out.flush();
                        readUntil(in, seen, "never");
                    }
                    case WRONG_CERT -> {
                        readUntil(in, seen, "<stream:stream", ">");
                        out.write(("<?xml version='1.0'?><stream:stream xmlns='jabber:server'"
                                + " xmlns:stream='http://etherx.jabber.org/streams' xmlns:db='jabber:server:dialback'"
                                + " from='" + name + "' id='fake1' version='1.0'><stream:features>"
                                + "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls>"
                                + "</stream:features>").getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        readUntil(in, seen, "<starttls", ">");
                        out.write("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>".getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(s, null, s.getPort(), true);
                        ssl.setUseClientMode(false);
                        ssl.startHandshake();
                        seen.append(" [TLS ").append(ssl.getSession().getProtocol()).append("] ");
                        in = ssl.getInputStream();
                        out = ssl.getOutputStream();
                        readUntil(in, seen, "<stream:stream", ">");
                        out.write(("<?xml version='1.0'?><stream:stream xmlns='jabber:server'"
                                + " xmlns:stream='http://etherx.jabber.org/streams' xmlns:db='jabber:server:dialback'"
                                + " from='" + name + "' id='fake2' version='1.0'><stream:features>"
                                + "<dialback xmlns='urn:xmpp:features:dialback'/></stream:features>")
                                .getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        readUntil(in, seen, "</db:result>");
                        // a server for other names: it does not serve this domain, the dialback claim is refused
                        out.write(("<db:result from='" + name + "' to='" + DOMAIN + "' type='invalid'/>")
                                .getBytes(StandardCharsets.UTF_8));
                        out.flush();
                        readUntil(in, seen, "never");
                    }
                    default -> throw new IllegalStateException();
                }
            } catch (IOException e) {
                seen.append(" [").append(e.getClass().getSimpleName()).append(": ").append(e.getMessage()).append(']');
            } finally {
                if (seen.indexOf("<message") >= 0) {
                    stanzas.add(seen.substring(seen.indexOf("<message")));
                }
                transcript.add(seen.toString());
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
        }

        /**
         * Reads until what arrives from now on holds the markers in order (the protocol is sequential: nothing of the
         * next step comes before this server answered); IOException when the peer closes.
         */
        private static void readUntil(InputStream in, StringBuilder seen, String... markers) throws IOException {
            int from = seen.length();
            byte[] buf = new byte[4096];
            while (true) {
                int at = seen.indexOf(markers[0], from);
                for (int i = 1; at >= 0 && i < markers.length; i++) {
                    at = seen.indexOf(markers[i], at + markers[i - 1].length());
                }
                if (at >= 0) {
                    seen.append(" | ");
                    return;
                }
                int n = in.read(buf);
                if (n < 0) {
                    throw new IOException("closed by Tigase");
                }
                seen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
        }

        @Override
        public void close() {
            try {
                server.close();
            } catch (IOException ignored) {
                // closing
            }
            for (Socket s : open) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
        }
    }
}
