package net.bluemind.xmpp.it.e2e;

import static net.bluemind.xmpp.it.e2e.PeerClients.*;

import org.assertj.core.api.SoftAssertions;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.bluemind.xmpp.testkit.services.ArchiveCount;
import net.bluemind.xmpp.testkit.services.BlueMindReader;
import net.bluemind.xmpp.testkit.services.ProsodyPeer;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.jxmpp.jid.impl.JidCreate;

/**
 * A stanza to a user's address at an alias domain, or to an address nobody has, is never lost silently (issue 25,
 * found with FederationSecureE2eIT): {@code corp.test} is an alias of {@code bluemind.test} in the simulator's
 * fixture, maud's JID is her default address at bluemind.test. A message to {@code maud@corp.test} reaches maud
 * (archived once, under her JID), from a colleague and from a Prosody user; a message to an address nobody has gets
 * {@code service-unavailable}; a subscription request to one gets {@code unsubscribed}; a subscription request from
 * another server to the alias address gets {@code gone} naming her JID; an IQ to nobody gets exactly one answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AliasAddressE2eIT {

    private static final String DOMAIN = E2eStack.DOMAIN;
    private static final String ALIAS = "corp.test";
    private static final String PEER = E2eStack.PEER_DOMAIN;
    private static final String PASSWORD = "alias-pw";
    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    private E2eStack stack;
    private ProsodyPeer prosody;
    private String noPeer;
    private final String maud = "maud.alias" + RUN + "@" + DOMAIN;
    private final String maudAtAlias = "maud.alias" + RUN + "@" + ALIAS;
    private final String ann = "ann.alias" + RUN + "@" + DOMAIN;
    private final String pia = "pia.alias" + RUN + "@" + PEER;

    @BeforeAll
    void start() throws Exception {
        stack = E2eStack.get();
        if (stack == null) {
            return;
        }
        stack.core.addUser(maud, PASSWORD, "hasIM");
        stack.core.addUser(ann, PASSWORD, "hasIM");
        noPeer = ProsodyPeer.unavailable();
        if (noPeer == null) {
            prosody = new ProsodyPeer(PEER, ProsodyPeer.FIRST_ADDRESS,
                    Map.of(DOMAIN, "127.0.0.1", ALIAS, "127.0.0.1")).start();
            prosody.addUser(local(pia), PASSWORD);
        }
    }

    @AfterAll
    void stop() {
        if (prosody != null) {
            prosody.close();
        }
    }

    @BeforeEach
    void needsStack() {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
    }

    @Test
    @Order(1)
    void aColleaguesMessageToTheAliasAddressReachesHerAndToNobodyBounces() throws Exception {
        SoftAssertions soft = new SoftAssertions(); // every observation printed and checked, even after a failure
        XMPPTCPConnection desk = XmppClients.loginAt(XmppClients.SERVER, maud, PASSWORD, "desk");
        XMPPTCPConnection a = XmppClients.loginAt(XmppClients.SERVER, ann, PASSWORD, "laptop");
        try {
            BlockingQueue<String> maudGot = XmppClients.chatInbox(desk);
            BlockingQueue<Message> annErrors = errors(a);

            String said = "aliasloc1x" + RUN;
            send(a, JidCreate.from(maudAtAlias), said);
            String got = maudGot.poll(10, TimeUnit.SECONDS);
            Message err = annErrors.poll(1, TimeUnit.SECONDS);
            System.out.println("alias: ann -> " + maudAtAlias + ": maud got " + got + ", ann got "
                    + (err == null ? "no error" : err.toXML()));
            soft.assertThat(got).as("maud got ann's message to her alias address").isEqualTo(said);
            soft.assertThat(err).as("no error for ann").isNull();
            soft.assertThat(ArchiveCount.awaitWithWord(stack.es, said, 1, Duration.ofSeconds(20))).isEqualTo(1);
            Thread.sleep(1500);
            soft.assertThat(ArchiveCount.withWord(stack.es, said)).as("archived exactly once").isEqualTo(1);
            soft.assertThat(conversation(ann, maud)).as("archived between ann and maud's JID (BlueMind's reader)").contains(said);

            for (String nobody : List.of("nobody.alias" + RUN + "@" + DOMAIN, "nobody.alias" + RUN + "@" + ALIAS)) {
                String lost = "aliasnobody" + RUN;
                long t0 = System.nanoTime();
                send(a, JidCreate.from(nobody), lost);
                Message bounce = annErrors.poll(10, TimeUnit.SECONDS);
                System.out.println("alias: ann -> " + nobody + ": " + (bounce == null ? "no error in 10 s"
                        : "after " + (System.nanoTime() - t0) / 1_000_000 + " ms: " + bounce.toXML()));
                soft.assertThat(bounce).as("an error for a message to " + nobody).isNotNull();
                if (bounce != null) soft.assertThat(bounce.getError().getCondition()).isEqualTo(StanzaError.Condition.service_unavailable);
            }

            String nobody = "nobody.alias" + RUN + "@" + DOMAIN;
            List<Stanza> answers = answers(a, new RawIq("ping", "urn:xmpp:ping", "", IQ.Type.get, JidCreate.from(nobody)));
            System.out.println("alias: ann's ping to " + nobody + ": " + answers.stream().map(s -> s.toXML().toString()).toList());
            soft.assertThat(answers).as("exactly one answer to an IQ to nobody").hasSize(1);
            if (!answers.isEmpty()) soft.assertThat(((IQ) answers.get(0)).getType()).isEqualTo(IQ.Type.error);

            BlockingQueue<Presence> presences = new LinkedBlockingQueue<>();
            a.addAsyncStanzaListener(s -> presences.add((Presence) s), StanzaTypeFilter.PRESENCE);
            a.sendStanza(a.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.subscribe).to(JidCreate.from(nobody)).build());
            Presence p = null;
            for (long until = System.nanoTime() + 10_000_000_000L; System.nanoTime() < until; ) {
                Presence q = presences.poll(500, TimeUnit.MILLISECONDS);
                if (q != null && q.getFrom() != null && q.getFrom().asBareJid().toString().equals(nobody)) {
                    p = q;
                    break;
                }
            }
            System.out.println("alias: ann's subscription request to " + nobody + ": " + (p == null ? "no answer in 10 s" : p.toXML()));
            soft.assertThat(p).as("an answer to a subscription request to nobody").isNotNull();
            if (p != null) soft.assertThat(p.getType()).isIn(Presence.Type.unsubscribed, Presence.Type.error);
            soft.assertAll();
        } finally {
            a.disconnect();
            desk.disconnect();
        }
    }

    @Test
    @Order(2)
    void aProsodyUsersMessageToTheAliasAddressReachesHerToNobodyBouncesAndHerSubscriptionRequestIsToldTheJid() throws Exception {
        assumeTrue(noPeer == null, "no Prosody peer: " + noPeer);
        SoftAssertions soft = new SoftAssertions();
        XMPPTCPConnection p = atProsody(pia, "phone");
        XMPPTCPConnection desk = XmppClients.loginAt(XmppClients.SERVER, maud, PASSWORD, "desk");
        try {
            awaitLink(p, ALIAS);
            awaitLink(p, DOMAIN);
            BlockingQueue<String> maudGot = XmppClients.chatInbox(desk);
            BlockingQueue<Message> piaErrors = errors(p);

            String said = "aliasfed1x" + RUN;
            send(p, JidCreate.from(maudAtAlias), said);
            String got = maudGot.poll(15, TimeUnit.SECONDS);
            Message err = piaErrors.poll(1, TimeUnit.SECONDS);
            System.out.println("alias: pia (Prosody) -> " + maudAtAlias + ": maud got " + got + ", pia got "
                    + (err == null ? "no error" : err.toXML()));
            soft.assertThat(got).as("maud got pia's message to her alias address").isEqualTo(said);
            soft.assertThat(ArchiveCount.awaitWithWord(stack.es, said, 1, Duration.ofSeconds(20))).isEqualTo(1);
            Thread.sleep(1500);
            soft.assertThat(ArchiveCount.withWord(stack.es, said)).as("archived exactly once").isEqualTo(1);
            soft.assertThat(conversation(pia, maud))
                    .as("archived between pia and maud's JID").contains(said);

            String nobody = "nobody.alias" + RUN + "@" + DOMAIN;
            long t0 = System.nanoTime();
            send(p, JidCreate.from(nobody), "aliasfednobody" + RUN);
            Message bounce = piaErrors.poll(15, TimeUnit.SECONDS);
            System.out.println("alias: pia -> " + nobody + ": " + (bounce == null ? "no error in 15 s"
                    : "after " + (System.nanoTime() - t0) / 1_000_000 + " ms: " + bounce.toXML()));
            soft.assertThat(bounce).as("pia is told her message to " + nobody + " went nowhere").isNotNull();
            if (bounce != null) soft.assertThat(bounce.getError().getCondition()).isEqualTo(StanzaError.Condition.service_unavailable);

            BlockingQueue<Presence> presences = new LinkedBlockingQueue<>();
            p.addAsyncStanzaListener(s -> presences.add((Presence) s), StanzaTypeFilter.PRESENCE);
            p.sendStanza(p.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.subscribe).to(JidCreate.from(maudAtAlias)).build());
            Presence answer = null;
            for (long until = System.nanoTime() + 15_000_000_000L; System.nanoTime() < until; ) {
                Presence q = presences.poll(500, TimeUnit.MILLISECONDS);
                if (q != null && q.getFrom() != null && q.getFrom().asBareJid().toString().equals(maudAtAlias)) {
                    answer = q;
                    break;
                }
            }
            System.out.println("alias: pia's subscription request to " + maudAtAlias + ": "
                    + (answer == null ? "no answer in 15 s" : answer.toXML()));
            soft.assertThat(answer).as("an answer to pia's subscription request to the alias address").isNotNull();
            if (answer != null) {
                soft.assertThat(answer.getType()).isEqualTo(Presence.Type.error);
                if (answer.getError() != null) {
                    soft.assertThat(answer.getError().getCondition()).isEqualTo(StanzaError.Condition.gone);
                    soft.assertThat(answer.getError().getConditionText()).as("gone names maud's JID").isEqualTo("xmpp:" + maud);
                }
            }
            soft.assertAll();
        } finally {
            p.disconnect();
            desk.disconnect();
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** BlueMind's reader on the conversation between two JIDs (raw hits), or what it failed with. */
    private String conversation(String a, String b) throws Exception {
        try {
            JsonNode hits = new BlueMindReader(stack.es).awaitConversation(a, b, 1);
            return hits.toString();
        } catch (AssertionError e) {
            return e.getMessage();
        }
    }

    /** Every stanza answering the IQ's id within 3 s. */
    private static List<Stanza> answers(XMPPTCPConnection c, IQ iq) throws Exception {
        List<Stanza> got = new CopyOnWriteArrayList<>();
        String id = iq.getStanzaId();
        org.jivesoftware.smack.StanzaListener l = s -> {
            if (id.equals(s.getStanzaId())) {
                got.add(s);
            }
        };
        c.addAsyncStanzaListener(l, StanzaTypeFilter.IQ);
        c.sendStanza(iq);
        Thread.sleep(3000);
        c.removeAsyncStanzaListener(l);
        return got;
    }

    private XMPPTCPConnection atProsody(String jid, String resource) throws Exception {
        return remoteUser(prosody.address(), ProsodyPeer.C2S_PORT, jid, PASSWORD, resource);
    }

    /** The s2s links both ways are up: a ping answered (at most 4 tries). */
    private static void awaitLink(XMPPTCPConnection c, String target) throws Exception {
        System.out.println("alias: link to " + target + ": " + pingAcross(c, target, 4));
    }

}
