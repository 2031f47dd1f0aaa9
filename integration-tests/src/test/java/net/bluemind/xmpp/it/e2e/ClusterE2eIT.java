package net.bluemind.xmpp.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.bluemind.xmpp.testkit.bus.BusPublisher;
import net.bluemind.xmpp.testkit.core.BmCoreSimulator;
import net.bluemind.xmpp.testkit.services.ArchiveCount;
import net.bluemind.xmpp.testkit.tigase.TigaseCluster;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.carbons.CarbonManager;
import org.jivesoftware.smackx.carbons.packet.CarbonExtension;
import org.jivesoftware.smackx.forward.packet.Forwarded;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.mam.element.MamElements;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.sid.element.StanzaIdElement;
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
 * Two nodes in Tigase's cluster mode with the bundle (docs/operators-guide.md, "Scaling out"), driven by Smack clients connected to
 * one node or the other: one service, whichever node a user lands on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterE2eIT {

    private static final String DOMAIN = E2eStack.DOMAIN;
    private static final String PASSWORD = "cluster-pw";

    private ClusterStack stack;

    @BeforeAll
    void start() throws Exception {
        String home = System.getenv("TIGASE_HOME");
        if (home == null || home.isBlank() || !ClusterStack.canRun() || !Boolean.parseBoolean(System.getProperty("bmx.e2e.cluster", "true"))) {
            return;
        }
        stack = new ClusterStack(Path.of(home));
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void needsTheCluster() {
        assumeTrue(stack != null, System.getenv("TIGASE_HOME") == null ? E2eStack.SKIP_MESSAGE
                : !Boolean.parseBoolean(System.getProperty("bmx.e2e.cluster", "true")) ? "cluster tests off (-Dbmx.e2e.cluster=false)"
                : "no cluster here: needs Debian's postgresql, and root to route " + TigaseCluster.ADDRESSES + " to the loopback interface");
    }

    private String user(String name) {
        String jid = name + "@" + DOMAIN;
        try {
            stack.core.addUser(jid, PASSWORD, "hasIM");
        } catch (IllegalArgumentException alreadyThere) {
            // an earlier test of this class added it
        }
        return jid;
    }

    private XMPPTCPConnection on(int node, String jid, String resource) throws Exception {
        return XmppClients.loginAt(stack.address(node), jid, PASSWORD, resource);
    }

    private static String word() {
        return "cl" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Test
    @Order(1)
    void aChatBetweenNodesIsArchivedOnceWithTheSameHistoryFromEitherNodeAndCarbonsOnTheOther() throws Exception {
        String alice = user("alice.cl");
        String bob = user("bob.cl");
        XMPPTCPConnection alice1 = on(1, alice, "n1");
        XMPPTCPConnection alice2 = on(2, alice, "n2");
        XMPPTCPConnection bob2 = on(2, bob, "n2");
        XMPPTCPConnection bob1 = on(1, bob, "n1");
        try {
            BlockingQueue<String> bobGot = XmppClients.inbox(bob2);
            BlockingQueue<String> aliceGot = XmppClients.inbox(alice1);
            BlockingQueue<String> sentCopies = XmppClients.carbons(alice2, CarbonExtension.Direction.sent);
            BlockingQueue<String> receivedCopies = XmppClients.carbons(bob1, CarbonExtension.Direction.received);

            String hello = "hello " + word();
            send(alice1, bob2.getUser().toString(), hello);
            assertThat(bobGot.poll(15, TimeUnit.SECONDS)).as("bob on node 2 got alice's message from node 1").isEqualTo(hello);
            assertThat(sentCopies.poll(15, TimeUnit.SECONDS)).as("alice's other resource (node 2): sent carbon").isEqualTo(hello);
            assertThat(receivedCopies.poll(15, TimeUnit.SECONDS)).as("bob's other resource (node 1): received carbon").isEqualTo(hello);

            String reply = "reply " + word();
            send(bob2, alice1.getUser().toString(), reply);
            assertThat(aliceGot.poll(15, TimeUnit.SECONDS)).as("alice on node 1 got bob's reply from node 2").isEqualTo(reply);

            for (String body : List.of(hello, reply)) {
                String w = body.substring(body.indexOf(' ') + 1);
                assertThat(awaitArchived(w)).as("documents in the archive for '" + body + "'").isEqualTo(1);
            }
            Thread.sleep(1500); // any second copy a node would write comes within its flush interval
            for (String body : List.of(hello, reply)) {
                assertThat(ArchiveCount.withWord(stack.es, body.substring(body.indexOf(' ') + 1)))
                        .as("still exactly one document for '" + body + "'").isEqualTo(1);
            }

            // the run's Elasticsearch keeps earlier runs' messages between the same users: this test's two only
            List<String> mine = List.of(hello, reply);
            List<String> fromNode1 = history(alice1, bob, mine);
            assertThat(fromNode1).as("alice's history with bob from node 1").hasSize(2);
            assertThat(fromNode1.get(0)).endsWith(" " + hello);
            assertThat(fromNode1.get(1)).endsWith(" " + reply);
            assertThat(history(alice2, bob, mine)).as("the same history, same archive ids, from node 2").isEqualTo(fromNode1);
            assertThat(history(bob1, alice, mine)).as("bob's history from node 1").isEqualTo(fromNode1);
            assertThat(history(bob2, alice, mine)).as("bob's history from node 2").isEqualTo(fromNode1);
        } finally {
            for (XMPPTCPConnection c : List.of(alice1, alice2, bob1, bob2)) {
                c.disconnect();
            }
        }
    }

    @Test
    @Order(2)
    void busEventsReachBothNodesNewDomainPasswordAndPhoto() throws Exception {
        // a domain created in BlueMind is served by both nodes
        stack.core.addDomain("clusterco.test");
        stack.core.addUser("cara@clusterco.test", PASSWORD, "hasIM");
        stack.publish(BusPublisher.SYSTEM, "domain.created", Map.of("domain", "clusterco.test"));
        for (int node = 1; node <= 2; node++) {
            XMPPTCPConnection c = XmppClients.loginAtWithin(stack.address(node), Duration.ofSeconds(20), "cara@clusterco.test", PASSWORD);
            assertThat(c.getUser().asEntityBareJidString()).as("node " + node).isEqualTo("cara@clusterco.test");
            c.disconnect();
        }

        // a login remembered on both nodes is forgotten on both when the password changes
        String dave = user("dave.cl");
        for (int node = 1; node <= 2; node++) {
            on(node, dave, "n" + node).disconnect();
        }
        stack.core.setPassword(dave, "dave-new-pw");
        for (int node = 1; node <= 2; node++) {
            on(node, dave, "cached").disconnect(); // still the remembered login: nothing told the nodes yet
        }
        stack.publish(BusPublisher.DIRECTORY, "user.password.changed", Map.of("domain", DOMAIN, "uid", stack.core.user(dave).uid()));
        for (int node = 1; node <= 2; node++) {
            assertThat(refusedWithin(node, dave, PASSWORD, Duration.ofSeconds(15)))
                    .as("the old password on node " + node + " after user.password.changed").isEqualTo("not-authorized");
            Thread.sleep(1500); // past the throttle's cool-down after that failure (auth-throttle-delay)
            XmppClients.loginAt(stack.address(node), dave, "dave-new-pw", "new").disconnect();
        }

        // a new photo: contacts on both nodes see the new hash, from the user's sessions on both nodes
        String erin = user("erin.cl");
        String frank = user("frank.cl");
        String gina = user("gina.cl");
        XMPPTCPConnection erin1 = on(1, erin, "n1");
        XMPPTCPConnection frank2 = on(2, frank, "n2");
        XMPPTCPConnection gina1 = on(1, gina, "n1");
        XMPPTCPConnection erin2 = null;
        try {
            XmppClients.befriend(erin1, frank2); // across the nodes
            XmppClients.befriend(erin1, gina1);
            erin2 = on(2, erin, "n2");
            java.util.Set<String> frankSees = photoHashes(frank2, erin);
            java.util.Set<String> ginaSees = photoHashes(gina1, erin);
            byte[] png = BmCoreSimulator.paintPng(48, 48, java.awt.Color.ORANGE);
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(png));
            stack.core.setPhoto(erin, png);
            stack.publish(BusPublisher.DIRECTORY, "user.photo.updated", Map.of("domain", DOMAIN, "uid", stack.core.user(erin).uid()));
            assertThat(awaitHash(frankSees, hash, "n1")).as("frank (node 2) sees erin's node-1 session with the new hash").isTrue();
            assertThat(awaitHash(frankSees, hash, "n2")).as("frank (node 2) sees erin's node-2 session with the new hash").isTrue();
            assertThat(awaitHash(ginaSees, hash, "n1")).as("gina (node 1) sees erin's node-1 session with the new hash").isTrue();
            assertThat(awaitHash(ginaSees, hash, "n2")).as("gina (node 1) sees erin's node-2 session with the new hash").isTrue();
        } finally {
            for (XMPPTCPConnection c : java.util.Arrays.asList(erin1, erin2, frank2, gina1)) {
                if (c != null) {
                    c.disconnect();
                }
            }
        }
    }

    @Test
    @Order(3)
    void aRoomWithOccupantsOnBothNodesArchivesEachMessageOnce() throws Exception {
        assumeTrue(stack.hasRooms(), "no tigase-muc in this Tigase: no rooms");
        String hana = user("hana.cl");
        String ivo = user("ivo.cl");
        XMPPTCPConnection hana1 = on(1, hana, "n1");
        XMPPTCPConnection ivo2 = on(2, ivo, "n2");
        try {
            EntityBareJid roomJid = XmppClients.jid("cluster-" + word() + "@conference." + DOMAIN);
            MultiUserChat hanaRoom = MultiUserChatManager.getInstanceFor(hana1).getMultiUserChat(roomJid);
            hanaRoom.create(Resourcepart.from("hana")).makeInstant();
            MultiUserChat ivoRoom = MultiUserChatManager.getInstanceFor(ivo2).getMultiUserChat(roomJid);
            BlockingQueue<Message> ivoGot = new LinkedBlockingQueue<>();
            BlockingQueue<Message> hanaGot = new LinkedBlockingQueue<>();
            ivoRoom.addMessageListener(ivoGot::add);
            hanaRoom.addMessageListener(hanaGot::add);
            ivoRoom.join(Resourcepart.from("ivo")); // from node 2, through its forwarder to the rooms on node 1
            // ivo's join returns at his own presence; hana learns of him from the presence the room sends her
            for (long until = System.nanoTime() + 10_000_000_000L; hanaRoom.getOccupants().size() < 2
                    && System.nanoTime() < until; ) {
                Thread.sleep(100);
            }
            assertThat(hanaRoom.getOccupants()).as("hana (node 1) sees ivo (node 2) in the room within 10 s").hasSize(2);

            String fromNode1 = "room " + word();
            String fromNode2 = "room " + word();
            hanaRoom.sendMessage(fromNode1);
            Message seenByIvo = XmppClients.roomMessage(ivoGot, fromNode1);
            ivoRoom.sendMessage(fromNode2);
            Message seenByHana = XmppClients.roomMessage(hanaGot, fromNode2);
            for (Message m : List.of(seenByIvo, seenByHana)) {
                List<StanzaIdElement> ids = m.getExtensions(StanzaIdElement.class);
                assertThat(ids).as("one archive id, by the room: " + m.toXML()).hasSize(1);
                assertThat(ids.get(0).getBy()).isEqualTo(roomJid.toString());
            }
            for (String body : List.of(fromNode1, fromNode2)) {
                String w = body.substring(body.indexOf(' ') + 1);
                assertThat(awaitArchived(w)).as("documents for the room message '" + body + "'").isEqualTo(1);
            }
            Thread.sleep(1500);
            for (String body : List.of(fromNode1, fromNode2)) {
                assertThat(ArchiveCount.withWord(stack.es, body.substring(body.indexOf(' ') + 1)))
                        .as("still one document for '" + body + "'").isEqualTo(1);
            }
        } finally {
            hana1.disconnect();
            ivo2.disconnect();
        }
    }

    @Test
    @Order(4)
    void aFastTokenFromOneNodeLogsInOnTheOtherWithoutBmCoreAndBlueMindRevokesItOnBoth() throws Exception {
        String fay = user("fay.cl");
        String agent = UUID.randomUUID().toString();
        String token;
        try (RawXmppStream s = RawXmppStream.encryptedAt(stack.address(1), DOMAIN, null)) {
            s.open(DOMAIN);
            s.send(FastE2eIT.passwordLogin(fay, PASSWORD, agent, "<request-token xmlns='" + FastE2eIT.FAST
                    + "' mechanism='" + FastE2eIT.HT + "'/>"));
            token = FastE2eIT.attribute(s.readElement("success", "failure"), "token", "token");
        }
        long validations = stack.core.requests("/api/auth/validate");
        assertThat(fastAt(2, fay, token, agent, 1)).as("node 1's token on node 2").startsWith("<success");
        assertThat(stack.core.requests("/api/auth/validate")).as("bm-core asked for the FAST login").isEqualTo(validations);
        stack.publish(BusPublisher.DIRECTORY, "user.password.changed", Map.of("domain", DOMAIN, "uid", stack.core.user(fay).uid()));
        Thread.sleep(1000);
        for (int node = 1; node <= 2; node++) {
            assertThat(fastAt(node, fay, token, agent, 1 + node)).as("the revoked token on node " + node)
                    .contains("<not-authorized");
        }
    }

    private String fastAt(int node, String jid, String token, String agent, int count) throws Exception {
        try (RawXmppStream s = RawXmppStream.encryptedAt(stack.address(node), DOMAIN, null)) {
            s.open(DOMAIN);
            s.send(FastE2eIT.fastLogin(jid, token, agent, "count='" + count + "'", ""));
            return s.readElement("success", "failure");
        }
    }

    /**
     * A phone's session on node 1 is cut (TCP reset) while a colleague writes to it; the phone comes back through node 2
     * (another address behind the same name) and asks to resume: refused cleanly, item-not-found (a session resumes
     * only on the node that holds it), the phone binds a new session there and finds what it missed in MAM.
     */
    @Test
    @Order(5)
    void aResumptionOnTheOtherNodeIsRefusedCleanlyAndTheNewSessionFindsTheMessagesInMam() throws Exception {
        String phone = user("phone.cl");
        String colleague = user("colleague.cl");
        RawXmppStream first = RawXmppStream.loggedInAt(stack.address(1), DOMAIN, phone, PASSWORD);
        String previd = first.bindResumable("phone");
        first.drop();
        List<String> said = List.of(word(), word());
        XMPPTCPConnection colleague1 = on(1, colleague, "n1");
        try {
            for (String body : said) {
                send(colleague1, phone + "/phone", body);
            }
        } finally {
            colleague1.disconnect();
        }
        try (RawXmppStream again = RawXmppStream.loggedInAt(stack.address(2), DOMAIN, phone, PASSWORD)) {
            again.send("<resume xmlns='urn:xmpp:sm:3' previd='" + previd + "' h='0'/>");
            String failed = again.readElement("resumed", "failed");
            System.out.println("cluster: node 1's session resumed on node 2: " + failed);
            assertThat(failed).startsWith("<failed").contains("item-not-found");
            again.send("<iq type='set' id='b2'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>phone2</resource></bind></iq>");
            assertThat(again.readUntil("</iq>")).as("a new session on node 2").contains("/phone2");
        }
        for (String w : said) {
            assertThat(awaitArchived(w)).as("archived once: " + w).isEqualTo(1);
        }
        XMPPTCPConnection phone2 = on(2, phone, "phone2");
        try {
            assertThat(history(phone2, colleague, said)).as("what the phone missed, in MAM from node 2").hasSize(2);
        } finally {
            phone2.disconnect();
        }
    }

    @Test
    @Order(6)
    void whenNode2IsKilledItsUsersGoOnOnNode1AndItsSpoolReachesTheArchiveAtItsRestart() throws Exception {
        // node 2 cannot reach Elasticsearch: at the crash, what it archived is in its spool only
        stack.restartNode(2, Map.of("es-urls", "http://127.0.0.1:9"));
        String karl = user("karl.cl");
        String lena = user("lena.cl");
        XMPPTCPConnection karl1 = on(1, karl, "n1");
        XMPPTCPConnection lena2 = on(2, lena, "n2");
        XMPPTCPConnection lena1 = null;
        try {
            BlockingQueue<String> karlGot = XmppClients.inbox(karl1);
            List<String> beforeCrash = new java.util.ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String body = "before " + word();
                send(lena2, karl, body);
                assertThat(karlGot.poll(15, TimeUnit.SECONDS)).as("karl got lena's message " + i).isEqualTo(body);
                beforeCrash.add(body);
            }
            for (String body : beforeCrash) {
                assertThat(ArchiveCount.withWord(stack.es, words(body))).as("not in Elasticsearch yet: " + body).isZero();
            }
            stack.node(2).kill();

            // lena's client finds her server gone and connects again, to the node that is left
            lena1 = on(1, lena, "n1");
            BlockingQueue<String> lenaGot = XmppClients.inbox(lena1);
            String after = "after " + word();
            send(lena1, karl, after);
            assertThat(karlGot.poll(15, TimeUnit.SECONDS)).as("karl got lena's message once she was on node 1").isEqualTo(after);
            String answer = "answer " + word();
            send(karl1, lena, answer);
            assertThat(lenaGot.poll(15, TimeUnit.SECONDS)).as("lena on node 1 got karl's answer").isEqualTo(answer);
            assertThat(awaitArchived(words(after))).isEqualTo(1);
            assertThat(awaitArchived(words(answer))).isEqualTo(1);

            stack.restartNode(2, Map.of()); // Elasticsearch within reach again, the same spool directory
            for (String body : beforeCrash) {
                assertThat(awaitArchived(words(body))).as("delivered before the crash, archived after the restart: " + body).isEqualTo(1);
            }
            // node 2 is back in the cluster: a user on it reaches lena on node 1
            XMPPTCPConnection karl2 = on(2, karl, "n2");
            try {
                String back = "back " + word();
                send(karl2, lena1.getUser().toString(), back);
                assertThat(lenaGot.poll(30, TimeUnit.SECONDS)).as("from node 2 after its restart to lena on node 1").isEqualTo(back);
            } finally {
                karl2.disconnect();
            }
        } finally {
            karl1.disconnect();
            if (lena1 != null) {
                lena1.disconnect();
            }
        }
    }

    private static String words(String body) {
        return body.substring(body.indexOf(' ') + 1);
    }

    /** The SASL condition of the first refused login with that password at a node, retrying while it still works. */
    private String refusedWithin(int node, String jid, String password, Duration max) throws Exception {
        for (Instant until = Instant.now().plus(max); Instant.now().isBefore(until); Thread.sleep(300)) {
            try {
                return XmppClients.saslFailureAt(stack.address(node), jid, password);
            } catch (AssertionError stillLoggedIn) {
                // the event has not reached this node yet
            }
        }
        return "still accepted after " + max;
    }

    /** "resource hash" of every available presence of {@code contact} the connection receives. */
    private static java.util.Set<String> photoHashes(XMPPTCPConnection c, String contact) {
        java.util.Set<String> q = java.util.concurrent.ConcurrentHashMap.newKeySet();
        c.addSyncStanzaListener(s -> {
            Presence p = (Presence) s;
            var x = p.getExtensionElement("x", "vcard-temp:x:update");
            if (p.getType() == Presence.Type.available && p.getFrom().asBareJid().toString().equals(contact) && x != null) {
                String xml = x.toXML().toString();
                int open = xml.indexOf("<photo>");
                String hash = open < 0 ? "" : xml.substring(open + 7, xml.indexOf("</photo>"));
                q.add(p.getFrom().getResourceOrEmpty() + " " + hash);
            }
        }, StanzaTypeFilter.PRESENCE);
        return q;
    }

    private static boolean awaitHash(java.util.Set<String> seen, String hash, String resource) throws InterruptedException {
        for (Instant until = Instant.now().plusSeconds(20); Instant.now().isBefore(until); Thread.sleep(200)) {
            if (seen.contains(resource + " " + hash)) {
                return true;
            }
        }
        return false;
    }




    private static void send(XMPPTCPConnection from, String to, String body) throws Exception {
        from.sendStanza(from.getStanzaFactory().buildMessageStanza().to(JidCreate.from(to)).ofType(Message.Type.chat)
                .setBody(body).build());
    }

    /** The user's MAM history with a peer (newest page) as "archive-id body" lines, only those with the given bodies. */
    private static List<String> history(XMPPTCPConnection c, String peer, List<String> bodies) throws Exception {
        MamManager.MamQuery page = MamManager.getInstanceFor(c).queryMostRecentPage(XmppClients.jid(peer), 20);
        List<MamElements.MamResultExtension> results = page.getMamResultExtensions();
        return results.stream().map(r -> {
            Forwarded<Message> f = r.getForwarded();
            return r.getId() + " " + f.getForwardedStanza().getBody();
        }).filter(line -> bodies.contains(line.substring(line.indexOf(' ') + 1))).toList();
    }

    /** Documents carrying the word, once there is at least one (up to 20 s). */
    private long awaitArchived(String word) throws Exception {
        long count = 0;
        for (long until = System.currentTimeMillis() + 20_000; System.currentTimeMillis() < until; Thread.sleep(300)) {
            count = ArchiveCount.withWord(stack.es, word);
            if (count > 0) {
                return count;
            }
        }
        return count;
    }
}
