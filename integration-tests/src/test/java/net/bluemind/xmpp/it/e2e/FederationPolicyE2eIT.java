package net.bluemind.xmpp.it.e2e;

import static net.bluemind.xmpp.it.e2e.PeerClients.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import net.bluemind.xmpp.testkit.services.ArchiveCount;
import net.bluemind.xmpp.testkit.services.ProsodyPeer;
import org.jivesoftware.smack.StanzaListener;
import org.jivesoftware.smack.filter.StanzaIdFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
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
 * The federation policy against a real remote server (issue 25): Debian's Prosody serving {@value E2eStack#PEER_DOMAIN}
 * ({@link ProsodyPeer}), the shared e2e Tigase restarted with {@code bm-xmpp.federation = allow-list}. First with an
 * allow-list that does not name {@value E2eStack#PEER_DOMAIN}: what a BlueMind user sends there bounces with
 * {@code not-allowed} and the policy's text, nothing reaches the Prosody user; what the Prosody user sends here
 * (a message, a vCard request, a room join) is refused at the stream (policy-violation) and comes back to her as an
 * error from her own server, exactly once. Then with {@value E2eStack#PEER_DOMAIN} in the list: the chat works both
 * ways. The shipped settings (federation on) are put back at the end for the classes after this one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FederationPolicyE2eIT {

    private static final String DOMAIN = E2eStack.DOMAIN;
    private static final String PEER = E2eStack.PEER_DOMAIN;
    private static final String ROOMS = "conference." + DOMAIN;
    private static final String PASSWORD = "fedpol-pw";
    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    static final String REFUSAL = PEER + " cannot be reached: the administrator of this server has disabled federation"
            + " with that domain";

    private E2eStack stack;
    private ProsodyPeer prosody;
    private String skip;
    private boolean changedSettings;
    private final String ines = "ines.fedpol" + RUN + "@" + DOMAIN;
    private final String paul = "paul" + RUN + "@" + PEER;

    @BeforeAll
    void start() throws Exception {
        stack = E2eStack.get();
        skip = E2eStack.whyNot(stack, "Prosody", ProsodyPeer.unavailable());
        if (skip != null) {
            return;
        }
        stack.core.addUser(ines, PASSWORD, "hasIM");
        changedSettings = true;
        long t0 = System.nanoTime();
        stack.restartWith(Map.of("federation", "allow-list", "federation-allowed-domains", "example.org"));
        System.out.println("federation policy: Tigase restarted with an allow-list of example.org in "
                + (System.nanoTime() - t0) / 1_000_000 + " ms");
        prosody = new ProsodyPeer(PEER, ProsodyPeer.FIRST_ADDRESS, Map.of(DOMAIN, "127.0.0.1", ROOMS, "127.0.0.1")).start();
        prosody.addUser(paul.substring(0, paul.indexOf('@')), PASSWORD);
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (prosody != null) {
                String log = prosody.log();
                log.lines().filter(l -> l.contains("policy-violation") || l.contains("junk after"))
                        .limit(10).forEach(l -> System.out.println("federation policy: prosody: " + l));
                prosody.close();
            }
        } finally {
            if (changedSettings) {
                // the shipped defaults again (federation on, no list) for the classes after this one
                stack.restartWith(Map.of("federation", "on", "federation-allowed-domains", ""));
            }
        }
    }

    @BeforeEach
    void needsStackAndPeer() {
        assumeTrue(skip == null, skip);
    }

    @Test
    @Order(1)
    void aDomainLeftOutOfTheAllowListIsRefusedBothWaysWithAnErrorToTheSender() throws Exception {
        XMPPTCPConnection desk = XmppClients.loginAt(XmppClients.SERVER, ines, PASSWORD, "desk");
        XMPPTCPConnection p = atProsody(paul, "phone");
        try {
            BlockingQueue<String> paulGot = delivered(p);
            BlockingQueue<String> inesGot = delivered(desk);

            // --- from here to there: a not-allowed error with the policy's text, exactly one, nothing sent
            String word = "fedpolout" + RUN;
            Message out = desk.getStanzaFactory().buildMessageStanza().to(XmppClients.jid(paul))
                    .ofType(Message.Type.chat).setBody(word).build();
            assertRefusedHere(answersTo(desk, out), Message.class, "ines's message to " + paul);
            IQ ping = new RawIq("ping", "urn:xmpp:ping", "", IQ.Type.get, JidCreate.from(PEER));
            assertRefusedHere(answersTo(desk, ping), IQ.class, "ines's ping to " + PEER);
            IQ vcard = new RawIq("vCard", "vcard-temp", "", IQ.Type.get, JidCreate.from(paul));
            assertRefusedHere(answersTo(desk, vcard), IQ.class, "ines's vCard request for " + paul);
            Presence subscribe = desk.getStanzaFactory().buildPresenceStanza().to(XmppClients.jid(paul))
                    .ofType(Presence.Type.subscribe).build();
            List<Stanza> subscribeAnswers = answersTo(desk, subscribe);
            System.out.println("federation policy: ines's subscription request to paul answered by " + subscribeAnswers);
            assertRefusedHere(subscribeAnswers, Presence.class, "ines's subscription request to " + paul);

            // --- from there to here: Prosody's stream is refused (policy-violation), paul gets an error from Prosody
            String in = "fedpolin" + RUN;
            Message toInes = p.getStanzaFactory().buildMessageStanza().to(XmppClients.jid(ines))
                    .ofType(Message.Type.chat).setBody(in).build();
            assertRefusedThere(answersTo(p, toInes), "paul's message to " + ines);
            IQ card = new RawIq("vCard", "vcard-temp", "", IQ.Type.get, JidCreate.from(ines));
            assertRefusedThere(answersTo(p, card), "paul's vCard request for " + ines);

            if (stack.hasComponent("tigase-muc")) {
                EntityBareJid roomJid = XmppClients.jid("fedpol" + RUN + "@" + ROOMS);
                MultiUserChat inesRoom = MultiUserChatManager.getInstanceFor(desk).getMultiUserChat(roomJid);
                inesRoom.create(Resourcepart.from("ines")).makeInstant();
                Presence join = p.getStanzaFactory().buildPresenceStanza()
                        .to(JidCreate.from(roomJid + "/paul"))
                        .addExtension(new org.jivesoftware.smackx.muc.packet.MUCInitialPresence(null, -1, -1, -1, null))
                        .build();
                assertRefusedThere(answersTo(p, join), "paul joining " + roomJid);
                Thread.sleep(500);
                assertThat(inesRoom.getOccupants()).as("the room's occupants").hasSize(1);
            }

            Thread.sleep(1500); // the archive's flush interval
            System.out.println("federation policy: ines's bounced message in the archive: "
                    + ArchiveCount.withWord(stack.es, word) + " time(s); paul's refused one: "
                    + ArchiveCount.withWord(stack.es, in));
            assertThat(paulGot.poll(1, TimeUnit.SECONDS)).as("nothing reached paul").isNull();
            assertThat(inesGot.poll(1, TimeUnit.SECONDS)).as("nothing reached ines").isNull();
            assertThat(ArchiveCount.withWord(stack.es, in)).as("paul's refused message is not archived").isZero();
            assertThat(ArchiveCount.withWord(stack.es, word)).as("ines's bounced message is not in her history").isZero();
            String log = prosody.log();
            assertThat(log).as("Prosody's log: its stream to " + DOMAIN + " was refused by the policy")
                    .contains("policy-violation");
            assertThat(log).as("Prosody's log: nothing after the refusal (no stream features after the stream's end)")
                    .doesNotContain("junk after document element");
        } finally {
            p.disconnect();
            desk.disconnect();
        }
    }

    @Test
    @Order(2)
    void withTheDomainInTheAllowListTheChatWorks() throws Exception {
        long t0 = System.nanoTime();
        stack.restartWith(Map.of("federation", "allow-list", "federation-allowed-domains", "example.org, " + PEER));
        System.out.println("federation policy: Tigase restarted with " + PEER + " allowed in "
                + (System.nanoTime() - t0) / 1_000_000 + " ms");
        XMPPTCPConnection desk = XmppClients.loginAt(XmppClients.SERVER, ines, PASSWORD, "desk");
        XMPPTCPConnection p = atProsody(paul, "phone");
        try {
            awaitLink(p, DOMAIN);
            awaitLink(desk, PEER);
            BlockingQueue<String> paulGot = XmppClients.chatInbox(p);
            BlockingQueue<String> inesGot = XmppClients.chatInbox(desk);
            String out = "fedpolok1x" + RUN;
            send(desk, p.getUser(), out);
            assertThat(paulGot.poll(15, TimeUnit.SECONDS)).as("paul got ines's message").isEqualTo(out);
            String in = "fedpolok2x" + RUN;
            send(p, desk.getUser(), in);
            assertThat(inesGot.poll(15, TimeUnit.SECONDS)).as("ines got paul's message").isEqualTo(in);
            assertThat(ArchiveCount.awaitWithWord(stack.es, in, 1, Duration.ofSeconds(20))).as("archived once").isEqualTo(1);
        } finally {
            p.disconnect();
            desk.disconnect();
        }
    }

    // --- checks --------------------------------------------------------------------------------------------

    /** Refused by this server: exactly one answer, an error of the stanza's kind, cancel / not-allowed, the text. */
    private static void assertRefusedHere(List<Stanza> answers, Class<? extends Stanza> kind, String what) {
        assertThat(answers).as(what + ": exactly one answer").hasSize(1);
        Stanza a = answers.get(0);
        assertThat(a).as(what).isInstanceOf(kind);
        StanzaError e = a.getError();
        assertThat(e).as(what + ": an error").isNotNull();
        assertThat(e.getCondition()).as(what).isEqualTo(StanzaError.Condition.not_allowed);
        assertThat(e.getType()).as(what).isEqualTo(StanzaError.Type.CANCEL);
        assertThat(e.getDescriptiveText()).as(what + ": the text").isEqualTo(REFUSAL);
        System.out.println("federation policy: " + what + " -> " + a.toXML());
    }

    /** Refused by this server at the stream: the remote user gets exactly one error, from her own server. */
    private static void assertRefusedThere(List<Stanza> answers, String what) {
        assertThat(answers).as(what + ": exactly one answer").hasSize(1);
        StanzaError e = answers.get(0).getError();
        assertThat(e).as(what + ": an error").isNotNull();
        System.out.println("federation policy: " + what + " -> " + answers.get(0).toXML());
    }

    /** The bodies of the chat messages the connection receives from now on: no errors (they carry the original), no rooms. */
    private static BlockingQueue<String> delivered(XMPPTCPConnection c) {
        BlockingQueue<String> q = new java.util.concurrent.LinkedBlockingQueue<>();
        c.addSyncStanzaListener(s -> {
            Message m = (Message) s;
            if (m.getBody() != null && m.getType() != Message.Type.error && m.getType() != Message.Type.groupchat) {
                q.add(m.getBody());
            }
        }, org.jivesoftware.smack.filter.StanzaTypeFilter.MESSAGE);
        return q;
    }

    /** Every stanza that comes back with the id of the one sent: until the first, then 1.5 s more for a second one. */
    private static List<Stanza> answersTo(XMPPTCPConnection c, Stanza sent) throws Exception {
        List<Stanza> got = new CopyOnWriteArrayList<>();
        StanzaListener l = got::add;
        c.addSyncStanzaListener(l, new StanzaIdFilter(sent.getStanzaId()));
        try {
            c.sendStanza(sent);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (got.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(1500);
        } finally {
            c.removeSyncStanzaListener(l);
        }
        return new ArrayList<>(got);
    }

    // --- the remote side --------------------------------------------------------------------------------------

    private XMPPTCPConnection atProsody(String jid, String resource) throws Exception {
        return remoteUser(prosody.address(), ProsodyPeer.C2S_PORT, jid, PASSWORD, resource);
    }

    /** The s2s links both ways are up: a ping answered (at most 4 tries). */
    private static void awaitLink(XMPPTCPConnection c, String target) throws Exception {
        System.out.println("federation policy: link to " + target + ": " + pingAcross(c, target, 4));
    }

}
