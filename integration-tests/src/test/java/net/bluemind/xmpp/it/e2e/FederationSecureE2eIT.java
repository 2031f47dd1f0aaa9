package net.bluemind.xmpp.it.e2e;

import static net.bluemind.xmpp.it.e2e.PeerClients.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.bluemind.xmpp.testkit.services.ProsodyPeer;
import net.bluemind.xmpp.testkit.tls.TestCa;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Federation with a strict server (issue 25): Debian's Prosody serving {@value E2eStack#PEER_DOMAIN} with
 * {@code s2s_secure_auth = true} (Snikket's and many public servers' default), a certificate issued by a test CA
 * ({@link TestCa}) and trusting only that CA. Against the shipped setup (the domains plugin's self-signed certificate)
 * it refuses the links both ways; once the administrator drops a certificate from that CA into certs-dir as
 * {@code bluemind.test.pem} and tells Tigase to trust the CA ({@code --trusted-certs-dir}, a line of the shipped
 * init.properties), every link, the domain's, an alias's ({@value #ALIAS}) and {@code conference.}'s, is TLS-encrypted
 * and authenticated by SASL EXTERNAL both ways, which Prosody's log shows. The shipped certificate and init.properties
 * are put back at the end: the classes after this one see the shipped setup.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FederationSecureE2eIT {

    private static final String DOMAIN = E2eStack.DOMAIN;
    /** An alias of bluemind.test in the simulator's fixture. */
    private static final String ALIAS = "corp.test";
    private static final String ROOMS = "conference." + DOMAIN;
    private static final String PEER = E2eStack.PEER_DOMAIN;
    private static final String PASSWORD = "fedsec-pw";
    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    /** The shipped init.properties line an administrator un-comments to trust a private CA. */
    private static final String TRUST_LINE = "#--trusted-certs-dir = /etc/ssl/certs,/etc/bm-xmpp/trusted-cas";

    private E2eStack stack;
    private ProsodyPeer prosody;
    private TestCa ca;
    private String skip;
    private Path shippedCertificate;
    private byte[] shippedPem;
    private boolean restartedWithCa;
    /** Where Prosody's log stood when Tigase came back with the CA-issued certificate. */
    private int logMark;
    private final String maud = "maud.sec" + RUN + "@" + DOMAIN;
    private final String pia = "pia" + RUN + "@" + PEER;
    private final List<String> probes = new ArrayList<>();
    /** How Prosody resolves the BlueMind names. */
    private final Map<String, String> names = new LinkedHashMap<>();

    @BeforeAll
    void start() throws Exception {
        stack = E2eStack.get();
        if (stack == null) {
            skip = E2eStack.SKIP_MESSAGE;
            return;
        }
        skip = ProsodyPeer.unavailable() != null ? "no Prosody peer: " + ProsodyPeer.unavailable() : TestCa.unavailable();
        if (skip != null) {
            return;
        }
        ca = TestCa.create(Files.createTempDirectory("bmx-test-ca"), "bm-xmpp Test CA " + RUN);
        TestCa.Issued peerCert = ca.issue(PEER);
        for (String n : List.of(DOMAIN, ROOMS, ALIAS, "conference." + ALIAS)) {
            names.put(n, "127.0.0.1"); // Tigase listens on 127.0.0.1 only (e2e)
        }
        prosody = new ProsodyPeer(PEER, ProsodyPeer.FIRST_ADDRESS, names, ProsodyPeer.Options.dialback()
                .certificate(peerCert.cert(), peerCert.key()).trusting(ca.certificate()).secureAuth(true)).start();
        prosody.addUser(local(pia), PASSWORD);
        stack.core.addUser(maud, PASSWORD, "hasIM");
        shippedCertificate = stack.certsDir().resolve(DOMAIN + ".pem");
        shippedPem = Files.readAllBytes(shippedCertificate);
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (prosody != null) {
                report(prosody.log());
                prosody.close();
            }
        } finally {
            restoreShipped();
        }
    }

    /** The shipped certificate and init.properties again, for the classes after this one. */
    private void restoreShipped() throws Exception {
        if (restartedWithCa) {
            restartedWithCa = false;
            Files.write(shippedCertificate, shippedPem);
            stack.restartWith(Map.of());
        }
    }

    @BeforeEach
    void needsStackAndPeer() {
        assumeTrue(skip == null, skip);
    }

    /**
     * The shipped setup (the domains plugin's self-signed certificate) facing a strict server: Prosody refuses the
     * links both ways ("federation only with servers that accept dialback", as bm-xmpp check says), nothing is
     * delivered, and each user is told (or not) what the test prints.
     */
    @Test
    @Order(1)
    void aStrictServerRefusesTheSelfSignedCertificateBothWays() throws Exception {
        XMPPTCPConnection p = atProsody("phone");
        XMPPTCPConnection desk = XmppClients.loginAt(XmppClients.SERVER, maud, PASSWORD, "desk");
        try {
            BlockingQueue<String> maudGot = XmppClients.chatInbox(desk);
            BlockingQueue<String> piaGot = XmppClients.chatInbox(p);
            BlockingQueue<Message> maudErrors = errors(desk);
            BlockingQueue<Message> piaErrors = errors(p);
            String toPia = "secout0x" + RUN;
            String toMaud = "secin0x" + RUN;
            long sent = System.nanoTime();
            send(desk, JidCreate.from(pia), toPia);
            send(p, JidCreate.from(maud), toMaud);
            Message piaError = piaErrors.poll(10, TimeUnit.SECONDS);
            long piaMs = (System.nanoTime() - sent) / 1_000_000;
            Message maudError = maudErrors.poll(Math.max(1, 10_000 - piaMs), TimeUnit.MILLISECONDS);
            long maudMs = (System.nanoTime() - sent) / 1_000_000;
            System.out.println("federation-secure: self-signed vs strict: pia (Prosody) got "
                    + (piaError == null ? "no error in 10 s" : "after " + piaMs + " ms: " + piaError.toXML()));
            System.out.println("federation-secure: self-signed vs strict: maud (BlueMind) got "
                    + (maudError == null ? "no error in " + maudMs + " ms" : "after " + maudMs + " ms: " + maudError.toXML()));
            assertThat(maudGot).as("nothing reaches maud over a refused link").isEmpty();
            assertThat(piaGot).as("nothing reaches pia over a refused link").isEmpty();
            // Prosody 0.12 says "not trusted" (it looks for OpenSSL 1's "self signed certificate"; OpenSSL 3 writes "self-signed")
            String refused = "Forbidding insecure connection to/from " + DOMAIN + " because its certificate is not trusted";
            List<String> refusals = prosody.log().lines().filter(l -> l.contains(refused)).toList();
            assertThat(refusals).as("Prosody refuses Tigase's links to it (s2sin) for the self-signed certificate")
                    .anyMatch(l -> l.contains(" s2sin"));
            assertThat(refusals).as("and its own links to Tigase (s2sout)").anyMatch(l -> l.contains(" s2sout"));
            assertThat(piaError).as("pia's message bounces at once").isNotNull();
            assertThat(piaError.getError().getCondition().toString()).isEqualTo("remote-server-timeout");
            assertThat(piaError.getError().getDescriptiveText()).contains("certificate is not trusted");
            // Tigase keeps maud's message and tries the link again every few seconds, up to its max-packet-waiting-time
            // (7 min, fixed in Tigase 8.4.0), before bouncing it: no error within the test's wait
        } finally {
            p.disconnect();
            desk.disconnect();
        }
    }

    /**
     * The administrator drops a CA-issued certificate for the domain (its aliases and rooms too) into certs-dir and
     * un-comments the shipped trusted-certs-dir line with the CA's folder; restart. Both directions authenticated by
     * SASL EXTERNAL over TLS, no dialback; chat both ways.
     */
    @Test
    @Order(2)
    void withACaIssuedCertificateBothServersAuthenticateEachOtherBySaslExternalAndChat() throws Exception {
        TestCa.Issued ours = ca.issue(DOMAIN, "bm.test", ALIAS, ROOMS, "conference.bm.test", "conference." + ALIAS);
        Files.writeString(shippedCertificate, ours.chainAndKey(), StandardCharsets.US_ASCII);
        restartedWithCa = true;
        logMark = prosody.log().length();
        stack.restartWith(Map.of(), Map.of(TRUST_LINE, "--trusted-certs-dir = /etc/ssl/certs," + ca.directory()));

        XMPPTCPConnection p = atProsody("phone");
        XMPPTCPConnection desk = XmppClients.loginAt(XmppClients.SERVER, maud, PASSWORD, "desk");
        try {
            awaitLink(p, DOMAIN, "pia -> " + DOMAIN);
            awaitLink(desk, PEER, "maud -> " + PEER);
            BlockingQueue<String> maudGot = XmppClients.chatInbox(desk);
            BlockingQueue<String> piaGot = XmppClients.chatInbox(p);
            for (int i = 1; i <= 3; i++) {
                String in = "secin" + i + "x" + RUN;
                send(p, desk.getUser(), in);
                assertThat(maudGot.poll(15, TimeUnit.SECONDS)).as("maud got pia's message " + i).isEqualTo(in);
                String out = "secout" + i + "x" + RUN;
                send(desk, p.getUser(), out);
                assertThat(piaGot.poll(15, TimeUnit.SECONDS)).as("pia got maud's message " + i).isEqualTo(out);
            }
        } finally {
            p.disconnect();
            desk.disconnect();
        }
        String check = check();
        assertThat(check).as("bm-xmpp check sees the dropped-in certificate on the s2s port, names, issuer and expiry")
                .contains("WARN  s2s    " + DOMAIN + "            127.0.0.1:5269: certificate for [" + DOMAIN
                        + ", bm.test, corp.test, " + ROOMS + ", +2 more] issued by CN=" + ca.name(), "valid 364 more day(s)",
                        "federation only with servers that accept dialback (or that trust this CA)");
        String log = prosody.log().substring(logMark);
        assertThat(log).as("Prosody authenticated Tigase's link for " + DOMAIN + " by its certificate (SASL EXTERNAL)")
                .contains("Accepting SASL EXTERNAL identity from " + DOMAIN);
        assertThat(log).as("Tigase authenticated Prosody's link to " + DOMAIN + " by its certificate (SASL EXTERNAL)")
                .contains("SASL EXTERNAL with " + DOMAIN + " succeeded");
        assertNoDialbackAndAllEncrypted(log);
    }

    /**
     * An alias of the domain and the rooms federate the same way: Prosody reaches {@value #ALIAS} (server ping), pia
     * joins a room at conference.bluemind.test and talks with maud there.
     */
    @Test
    @Order(3)
    void anAliasAndTheRoomServiceFederateBySaslExternalToo() throws Exception {
        assumeTrue(restartedWithCa, "needs the CA-issued certificate of the test before");
        XMPPTCPConnection p = atProsody("room");
        XMPPTCPConnection desk = XmppClients.loginAt(XmppClients.SERVER, maud, PASSWORD, "desk");
        try {
            awaitLink(p, ALIAS, "pia -> " + ALIAS);
            if (stack.hasComponent("tigase-muc")) {
                // a room at conference.<alias> cannot be created by maud (public-room-creation-acl = DOMAIN: her domain)
                EntityBareJid roomJid = XmppClients.jid("sec" + RUN + "@" + ROOMS);
                MultiUserChat maudRoom = MultiUserChatManager.getInstanceFor(desk).getMultiUserChat(roomJid);
                maudRoom.create(Resourcepart.from("maud")).makeInstant();
                BlockingQueue<Message> maudRoomGot = new LinkedBlockingQueue<>();
                maudRoom.addMessageListener(maudRoomGot::add);
                awaitLink(p, ROOMS, "pia -> " + ROOMS);
                MultiUserChat piaRoom = MultiUserChatManager.getInstanceFor(p).getMultiUserChat(roomJid);
                BlockingQueue<Message> piaRoomGot = new LinkedBlockingQueue<>();
                piaRoom.addMessageListener(piaRoomGot::add);
                piaRoom.join(Resourcepart.from("pia"));
                String fromPia = "secroom1x" + RUN;
                piaRoom.sendMessage(fromPia);
                assertThat(XmppClients.roomMessage(maudRoomGot, fromPia).getFrom().toString()).as("in " + roomJid)
                        .isEqualTo(roomJid + "/pia");
                String fromMaud = "secroom2x" + RUN;
                maudRoom.sendMessage(fromMaud);
                XmppClients.roomMessage(piaRoomGot, fromMaud);
            }
        } finally {
            p.disconnect();
            desk.disconnect();
        }
        String log = prosody.log().substring(logMark);
        assertThat(log).as("the alias's links authenticated by certificate both ways")
                .contains("Accepting SASL EXTERNAL identity from " + ALIAS, "SASL EXTERNAL with " + ALIAS + " succeeded");
        if (stack.hasComponent("tigase-muc")) {
            assertThat(log).as("the room service's links authenticated by certificate both ways").contains(
                    "Accepting SASL EXTERNAL identity from " + ROOMS, "SASL EXTERNAL with " + ROOMS + " succeeded");
        }
        assertNoDialbackAndAllEncrypted(log);
    }

    /** bm-xmpp check against the live server (no DNS here: its SRV lines fail), its s2s lines printed. */
    private String check() throws Exception {
        Path dir = Files.createTempDirectory("check-fedsec");
        Path init = dir.resolve("init.properties");
        Files.writeString(init, "--bm-xmpp.core-url = " + stack.core.baseUrl() + "\n--bm-xmpp.core-token-file = "
                + stack.core.writeTokenFile(dir) + "\n--bm-xmpp.amqp-uri = " + stack.amqp + "\n--bm-xmpp.es-urls = " + stack.es + "\n");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        long started = System.nanoTime();
        net.bluemind.xmpp.check.CheckMain.run(new String[] {"check", "--config", init.toString(), "--resolver", "127.0.0.1:9",
                "--host", "127.0.0.1"}, new java.io.PrintStream(out, true), System.err);
        String text = out.toString(StandardCharsets.UTF_8);
        System.out.println("federation-secure: bm-xmpp check (" + (System.nanoTime() - started) / 1_000_000 + " ms), s2s lines:");
        text.lines().filter(l -> l.contains(" s2s ") && l.contains(DOMAIN)).forEach(l -> System.out.println("federation-secure:   " + l));
        return text;
    }

    /**
     * Back to the shipped setup (generated certificate, no trusted-certs-dir line), and a Prosody that accepts dialback
     * in place of the strict one, on the same address: every s2s connection that carried dialback, the verification
     * connections included (a server asking the other whether a key is its own), went through TLS first.
     */
    @Test
    @Order(4)
    void backToTheShippedSetupEveryDialbackConnectionIsEncryptedVerificationsIncluded() throws Exception {
        restoreShipped();
        report(prosody.log());
        prosody.close();
        prosody = new ProsodyPeer(PEER, ProsodyPeer.FIRST_ADDRESS, names).start();
        prosody.addUser(local(pia), PASSWORD);
        XMPPTCPConnection p = atProsody("dialback");
        XMPPTCPConnection desk = XmppClients.loginAt(XmppClients.SERVER, maud, PASSWORD, "desk");
        try {
            awaitLink(p, DOMAIN, "dialback: pia -> " + DOMAIN);
            awaitLink(desk, PEER, "dialback: maud -> " + PEER);
            BlockingQueue<String> maudGot = XmppClients.chatInbox(desk);
            BlockingQueue<String> piaGot = XmppClients.chatInbox(p);
            String in = "secdb1x" + RUN;
            send(p, desk.getUser(), in);
            assertThat(maudGot.poll(15, TimeUnit.SECONDS)).as("maud got pia's message over dialback links").isEqualTo(in);
            String out = "secdb2x" + RUN;
            send(desk, p.getUser(), out);
            assertThat(piaGot.poll(15, TimeUnit.SECONDS)).as("pia got maud's message over dialback links").isEqualTo(out);
        } finally {
            p.disconnect();
            desk.disconnect();
        }
        Map<String, List<String>> sessions = new LinkedHashMap<>();
        for (String line : prosody.log().lines().toList()) {
            String[] f = line.split("\\s+", 5);
            if (f.length == 5 && f[3].matches("s2s(in|out)[0-9a-f]+")) {
                sessions.computeIfAbsent(f[3], k -> new ArrayList<>()).add(f[4]);
            }
        }
        Map<String, List<String>> dialback = new LinkedHashMap<>();
        sessions.forEach((id, lines) -> {
            if (lines.stream().anyMatch(l -> l.contains("dialback key") || l.contains("if key") || l.contains("is now authenticated"))) {
                dialback.put(id, lines);
            }
        });
        System.out.println("federation-secure: dialback peer: " + sessions.size() + " s2s sessions, " + dialback.size()
                + " with dialback: " + dialback.keySet());
        dialback.forEach((id, lines) -> System.out.println("federation-secure:   " + id + ": " + lines.stream()
                .filter(l -> l.contains("Stream encrypted") || l.contains("dialback") || l.contains("key") || l.contains("authenticated"))
                .toList()));
        assertThat(dialback).as("links authenticated by dialback, and the verifications").isNotEmpty();
        assertThat(dialback.values()).as("every connection that carried dialback was TLS-encrypted first")
                .allSatisfy(lines -> assertThat(lines).anyMatch(l -> l.startsWith("info") && l.contains("Stream encrypted (TLS")));
        assertThat(dialback.values().stream().filter(lines -> lines.stream().anyMatch(l -> l.contains("verifying that dialback key")
                || l.contains("asking") || l.contains("verified dialback key")))).as("verification connections seen").isNotEmpty();
    }

    // --- what Prosody's log says --------------------------------------------------------------------------------

    private static void assertNoDialbackAndAllEncrypted(String log) {
        assertThat(log).as("no link authenticated by dialback").doesNotContain("sent dialback key", "verified dialback key");
        List<String> plain = log.lines().filter(l -> l.contains("is now authenticated for")).toList();
        assertThat(count(log, "Stream encrypted (TLS")).as("every authenticated s2s link went through TLS first: " + plain)
                .isGreaterThanOrEqualTo(plain.size());
        assertThat(log).as("no unencrypted s2s stream").doesNotContain("Encrypted server-to-server communication is required");
    }

    /** The lines of Prosody's log on how each s2s link was encrypted and authenticated (session id first). */
    private void report(String log) {
        System.out.println("federation-secure: link probes " + probes);
        log.lines().filter(l -> l.contains("Stream encrypted") || l.contains("SASL EXTERNAL")
                || l.contains("is now authenticated for") || l.contains("dialback") || l.contains("Forbidding")
                || l.contains("certificate chain validation") || l.contains("certificate identity validation")
                || l.contains("Session closed") || l.contains("bounc"))
                .filter(l -> !l.contains("c2s") && !l.contains("Sending stream features")).limit(150)
                .forEach(l -> System.out.println("federation-secure: prosody: " + l.replaceFirst("^\\S+ \\S+ \\S+ ", "")));
    }

    // --- clients ------------------------------------------------------------------------------------------------

    /** A Smack client of Prosody's c2s, verifying Prosody's certificate against the test CA. */
    private XMPPTCPConnection atProsody(String resource) throws Exception {
        XMPPTCPConnection c = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(PEER)
                .setHost(prosody.address())
                .setPort(ProsodyPeer.C2S_PORT)
                .setUsernameAndPassword(local(pia), PASSWORD)
                .setResource(resource)
                .setSecurityMode(SecurityMode.required)
                .setCustomX509TrustManager(XmppClients.ACCEPT_SELF_SIGNED)
                .setHostnameVerifier((name, s) -> true)
                .build());
        c.setReplyTimeout(10_000);
        c.connect().login();
        return c;
    }

    /** The s2s links both ways are up (a ping answered, at most 4 tries, counted in {@link #probes}). */
    private void awaitLink(XMPPTCPConnection c, String target, String what) throws Exception {
        probes.add(what + ": " + pingAcross(c, target, 4));
    }

}
