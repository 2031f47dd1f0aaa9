package net.bluemind.xmpp.it.e2e;

import static net.bluemind.xmpp.it.e2e.PeerClients.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import net.bluemind.xmpp.testkit.core.BmCoreSimulator;
import net.bluemind.xmpp.testkit.services.EjabberdPeer;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
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
import org.jxmpp.jid.parts.Resourcepart;

/**
 * Federation with a second real remote server (issue 25): Debian's ejabberd 23.01 serving {@value
 * E2eStack#EJABBERD_DOMAIN} on its own address ({@link EjabberdPeer}, dialback, STARTTLS optional), the shared e2e
 * Tigase with the shipped init.properties. A BlueMind user (maud, two resources) and an ejabberd user (erin, Smack on
 * ejabberd's c2s) subscribe to each other and chat; what erin learns of maud's card before the subscription (the same
 * as of an address that does not exist); erin in a room at conference.bluemind.test.
 *
 * <p>Tigase 8.4.0 loses the first stanza over a new s2s link now and then (issue 25): every test first makes sure
 * the links it uses are up by an IQ answered across them, retried until it is, and counts the tries (printed at the
 * end with what ejabberd's log says of the links).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FederationEjabberdE2eIT {

    private static final String DOMAIN = E2eStack.DOMAIN;
    private static final String PEER = E2eStack.EJABBERD_DOMAIN;
    private static final String ROOMS = "conference." + DOMAIN;
    private static final String PASSWORD = "fed-pw";
    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    private E2eStack stack;
    private EjabberdPeer ejabberd;
    private String skip;
    private final String maud = "maud.fedej" + RUN + "@" + DOMAIN;
    private final String erin = "erin" + RUN + "@" + PEER;
    /** Every retried link probe: what it was for and how many tries it took. */
    private final List<String> probes = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        stack = E2eStack.get();
        skip = E2eStack.whyNot(stack, "ejabberd", EjabberdPeer.unavailable());
        if (skip != null) {
            return;
        }
        // Tigase listens on 127.0.0.1 only (e2e): ejabberd finds the BlueMind domains there
        long t0 = System.nanoTime();
        ejabberd = new EjabberdPeer(PEER, EjabberdPeer.DEFAULT_ADDRESS, Map.of(DOMAIN, "127.0.0.1", ROOMS, "127.0.0.1")).start();
        ejabberd.addUser(local(erin), PASSWORD);
        System.out.println("federation-ejabberd: ejabberd up with a user in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        stack.core.addUser(maud, PASSWORD, "hasIM");
        ObjectNode full = fullCard();
        stack.core.updateVCard(maud, card -> card.setAll(full));
        stack.core.setPhoto(maud, BmCoreSimulator.paintPng(64, 64, java.awt.Color.MAGENTA));
    }

    @AfterAll
    void stop() {
        if (ejabberd != null) {
            String log = ejabberd.log();
            System.out.println("federation-ejabberd: link probes " + probes);
            System.out.println("federation-ejabberd: ejabberd's log: " + count(log, "Outbound s2s connection started") + " outbound links started, "
                    + count(log, "Accepted outbound s2s dialback authentication") + " outbound authenticated by dialback, "
                    + count(log, "Accepted inbound s2s dialback authentication") + " inbound authenticated by dialback, "
                    + count(log, "Failed outbound s2s EXTERNAL authentication") + " SASL EXTERNAL refused (then dialback), "
                    + count(log, "Stream closed by peer: invalid-from") + " closed by Tigase with invalid-from, "
                    + count(log, "(tls|") + " log lines on TLS streams, "
                    + count(log, "Failed to establish outbound s2s connection") + " outbound failures");
            log.lines().filter(l -> l.contains("s2s") && (l.contains("[info]") || l.contains("[warning]") || l.contains("[error]")))
                    .limit(60).forEach(l -> System.out.println("federation-ejabberd: ejabberd: " + l));
            ejabberd.close();
        }
    }

    @BeforeEach
    void needsStackAndPeer() {
        assumeTrue(skip == null, skip);
    }

    @Test
    @Order(1)
    void aStrangerOnAnotherServerLearnsNothingMoreThanOfAnAddressThatDoesNotExist() throws Exception {
        XMPPTCPConnection p = atEjabberd(erin, "phone");
        // maud is online (Tigase has her account), erin is not in her contact list
        XMPPTCPConnection desk = XmppClients.loginAt(XmppClients.SERVER, maud, PASSWORD, "desk");
        try {
            awaitLink(p, DOMAIN, "erin -> " + DOMAIN + " (ping, both directions)");
            assertStrangerLearnsNothing(p, maud, "nobody.fedej" + RUN + "@" + DOMAIN, "federation-ejabberd");
        } finally {
            p.disconnect();
            desk.disconnect();
        }
    }

    @Test
    @Order(2)
    void aBlueMindUserAndAnEjabberdUserSubscribeSeePresenceChatBothWaysWithCarbonsArchivedOnceAndInMam() throws Exception {
        XMPPTCPConnection p = atEjabberd(erin, "phone");
        XMPPTCPConnection desk = XmppClients.loginAt(XmppClients.SERVER, maud, PASSWORD, "desk");
        XMPPTCPConnection mobile = null;
        try {
            awaitLink(p, DOMAIN, "erin -> " + DOMAIN + " (ping)");
            awaitLink(desk, PEER, "maud -> " + PEER + " (ping)");
            subscribeBothWays(desk, p);
            // maud's second resource after the handshake: Smack refuses subscription requests by default
            mobile = XmppClients.loginAt(XmppClients.SERVER, maud, PASSWORD, "mobile");

            // after maud accepted: the business card, nothing of the phone numbers, address and note
            String card = vcardTemp(p, maud);
            assertThat(card).as("maud's card as her contact on " + PEER + " gets it").contains("<FN>Maud Federation</FN>",
                    "<ORGNAME>Federation Test Corp</ORGNAME>", "<TITLE>Head of Partnerships</TITLE>", "<PHOTO>", "<BINVAL>");
            assertThat(card).doesNotContain("<TEL", "<ADR", "<NOTE", "+33", "Toulouse", "Talks to other servers");

            List<String> said = chatThreeEachWay(p, desk, mobile, "fedejx" + RUN);
            assertArchivedOnce(stack.es, said);
            assertThat(history(mobile, erin, said)).as("maud's MAM history with erin, in order, full text").containsExactlyElementsOf(said);
        } finally {
            for (XMPPTCPConnection c : java.util.Arrays.asList(p, desk, mobile)) {
                if (c != null) {
                    c.disconnect();
                }
            }
        }
    }

    @Test
    @Order(3)
    void anEjabberdUserJoinsARoomHereTalksAndIsArchivedOnceUnderHerNick() throws Exception {
        assumeTrue(stack.hasComponent("tigase-muc"), "no tigase-muc in this Tigase: no rooms");
        XMPPTCPConnection p = atEjabberd(erin, "room");
        XMPPTCPConnection desk = XmppClients.loginAt(XmppClients.SERVER, maud, PASSWORD, "desk");
        try {
            EntityBareJid roomJid = XmppClients.jid("fedej" + RUN + "@" + ROOMS);
            MultiUserChat maudRoom = MultiUserChatManager.getInstanceFor(desk).getMultiUserChat(roomJid);
            maudRoom.create(Resourcepart.from("maud")).makeInstant();
            BlockingQueue<Message> maudGot = new LinkedBlockingQueue<>();
            maudRoom.addMessageListener(maudGot::add);

            awaitLink(p, ROOMS, "erin -> " + ROOMS + " (ping)");
            MultiUserChat erinRoom = MultiUserChatManager.getInstanceFor(p).getMultiUserChat(roomJid);
            BlockingQueue<Message> erinGot = new LinkedBlockingQueue<>();
            erinRoom.addMessageListener(erinGot::add);
            erinRoom.join(Resourcepart.from("erin"));
            awaitTrue(() -> maudRoom.getOccupants().size() == 2, "maud sees erin in the room");

            String fromErin = "fedejroom1x" + RUN;
            erinRoom.sendMessage(fromErin);
            assertThat(XmppClients.roomMessage(maudGot, fromErin).getFrom().toString()).as("under her nick").isEqualTo(roomJid + "/erin");
            String fromMaud = "fedejroom2x" + RUN;
            maudRoom.sendMessage(fromMaud);
            XmppClients.roomMessage(erinGot, fromMaud);

            assertArchivedOnce(stack.es, List.of(fromErin, fromMaud));
            String doc = stack.awaitInElasticsearch(fromErin);
            System.out.println("federation-ejabberd: erin's room message in Elasticsearch: " + doc);
            assertThat(doc).as("the archived room message names the remote occupant").contains("erin");
        } finally {
            p.disconnect();
            desk.disconnect();
        }
    }

    // --- the remote side --------------------------------------------------------------------------------------

    private XMPPTCPConnection atEjabberd(String jid, String resource) throws Exception {
        return remoteUser(ejabberd.address(), EjabberdPeer.C2S_PORT, jid, PASSWORD, resource);
    }

    /** The s2s links both ways are up (a ping answered, at most 4 tries, counted in {@link #probes}). */
    private void awaitLink(XMPPTCPConnection c, String target, String what) throws Exception {
        probes.add(what + ": " + pingAcross(c, target, 4));
    }

    // --- helpers -----------------------------------------------------------------------------------------------

}
