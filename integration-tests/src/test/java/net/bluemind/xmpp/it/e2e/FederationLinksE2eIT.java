package net.bluemind.xmpp.it.e2e;

import static net.bluemind.xmpp.it.e2e.PeerClients.*;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import net.bluemind.xmpp.testkit.services.ProsodyPeer;
import org.jivesoftware.smack.filter.OrFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StandardExtensionElement;
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
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * No stanza is lost while server-to-server links are set up (issue 25). Against Debian's Prosody serving
 * {@value E2eStack#PEER_DOMAIN} ({@link ProsodyPeer}) and the shared e2e Tigase with the shipped init.properties, round
 * after round: every link between the two servers is closed (Prosody's admin shell, {@code s2s:closeall}, which ends
 * both directions' streams), then one side sends a stanza, which is the first over a new link, and the answer from the
 * other side is the first over a new link the other way. Each round alternates which server opens its link first.
 * <ul>
 * <li>the domain: a Prosody user (pia) and a BlueMind user (maud) exchange chat messages;</li>
 * <li>{@code conference.bluemind.test}: pia joins maud's room (maud sees her come in, pia gets her own presence back
 * from the room), and in the next round maud talks in the room (pia gets it) and pia leaves (maud sees her go).</li>
 * </ul>
 * Every stanza must arrive (15 s each). Then a stress: bursts of messages both ways over links both servers open at
 * the same moment. Stock Tigase 8.4.0 loses first stanzas three ways (dialback ordering, the s2s STARTTLS race, stanzas
 * written on a dialback verification connection: docs/developers-guide.md "Known Tigase issues"); the shipped
 * {@code s2s/...} lines of init.properties fix them. Prints the counts (links, stanzas, lost, by direction) and what
 * Prosody's log says about the links. Rounds per target: {@code -Dbmx.e2e.federation-links.rounds}
 * (default 12, i.e. 24 new links for each target, about a minute each).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FederationLinksE2eIT {

    private static final String DOMAIN = E2eStack.DOMAIN;
    private static final String PEER = E2eStack.PEER_DOMAIN;
    private static final String ROOMS = "conference." + DOMAIN;
    private static final String MUC = "http://jabber.org/protocol/muc";
    private static final String PASSWORD = "links-pw";
    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private static final int ROUNDS = Integer.getInteger("bmx.e2e.federation-links.rounds", 12);
    private static final long WAIT_MS = 15_000;

    private E2eStack stack;
    private ProsodyPeer prosody;
    private String skip;
    private final String maud = "maud.links" + RUN + "@" + DOMAIN;
    private final String pia = "pia.links" + RUN + "@" + PEER;
    /** Every first stanza over a new link: its outcome, in order. */
    private final List<Outcome> outcomes = new ArrayList<>();

    /** One stanza sent as the first over a new link. */
    private record Outcome(String target, String direction, String what, long ms, String lost) {

        boolean arrived() {
            return lost == null;
        }

        @Override
        public String toString() {
            return target + " " + direction + " " + what + (lost == null ? " in " + ms + " ms" : " LOST (" + lost + ")");
        }
    }

    @BeforeAll
    void start() throws Exception {
        stack = E2eStack.get();
        skip = E2eStack.whyNot(stack, "Prosody", ProsodyPeer.unavailable());
        if (skip != null) {
            return;
        }
        prosody = new ProsodyPeer(PEER, ProsodyPeer.FIRST_ADDRESS, Map.of(DOMAIN, "127.0.0.1", ROOMS, "127.0.0.1")).start();
        prosody.addUser(local(pia), PASSWORD);
        stack.core.addUser(maud, PASSWORD, "hasIM");
    }

    @AfterAll
    void stop() {
        if (prosody == null) {
            return;
        }
        print("all");
        String log = prosody.log();
        System.out.println("federation links: Prosody's log: " + count(log, "is now authenticated for") + " links authenticated by dialback, "
                + count(log, "Stream encrypted (TLS") + " TLS streams, "
                + count(log, "Session closed by remote with error: invalid-from") + " closed by Tigase with invalid-from, "
                + count(log, "TLS handshake error") + " TLS handshake errors");
        log.lines().filter(l -> l.contains("invalid-from") || l.contains("TLS handshake error") || l.contains("bad record"))
                .limit(20).forEach(l -> System.out.println("federation links: prosody: " + l));
        prosody.close();
    }

    @BeforeEach
    void needsStackAndPeer() {
        assumeTrue(skip == null, skip);
    }

    @Test
    @Order(1)
    void everyFirstChatMessageOverANewLinkWithTheDomainArrives() throws Exception {
        XMPPTCPConnection p = atProsody();
        XMPPTCPConnection m = XmppClients.loginAt(XmppClients.SERVER, maud, PASSWORD, "links");
        try {
            BlockingQueue<Stanza> piaGot = inbox(p);
            BlockingQueue<Stanza> maudGot = inbox(m);
            Jid toMaud = m.getUser();
            Jid toPia = p.getUser();
            for (int round = 1; round <= ROUNDS; round++) {
                int closed = closeLinks(DOMAIN);
                String in = "lin" + round + "x" + RUN;
                String out = "lout" + round + "x" + RUN;
                if (round % 2 == 1) { // Prosody opens its link first, Tigase answers over a link of its own
                    chat(p, toMaud, in);
                    arrives(DOMAIN, "Prosody->Tigase", "chat " + round, maudGot, s -> hasBody(s, in), piaGot, in);
                    chat(m, toPia, out);
                    arrives(DOMAIN, "Tigase->Prosody", "chat " + round, piaGot, s -> hasBody(s, out), maudGot, out);
                } else { // Tigase first
                    chat(m, toPia, out);
                    arrives(DOMAIN, "Tigase->Prosody", "chat " + round, piaGot, s -> hasBody(s, out), maudGot, out);
                    chat(p, toMaud, in);
                    arrives(DOMAIN, "Prosody->Tigase", "chat " + round, maudGot, s -> hasBody(s, in), piaGot, in);
                }
                if (round > 1 && closed == 0) {
                    throw new AssertionError("round " + round + ": Prosody had no link with " + DOMAIN + " to close");
                }
            }
        } finally {
            p.disconnect();
            m.disconnect();
        }
        assertNoneLost(DOMAIN);
    }

    @Test
    @Order(2)
    void everyFirstRoomStanzaOverANewLinkWithTheRoomServiceArrives() throws Exception {
        assumeTrue(stack.hasComponent("tigase-muc"), "no tigase-muc in this Tigase: no rooms");
        XMPPTCPConnection p = atProsody();
        XMPPTCPConnection m = XmppClients.loginAt(XmppClients.SERVER, maud, PASSWORD, "rooms");
        try {
            EntityBareJid room = XmppClients.jid("links" + RUN + "@" + ROOMS);
            MultiUserChat maudRoom = MultiUserChatManager.getInstanceFor(m).getMultiUserChat(room);
            maudRoom.create(Resourcepart.from("maud")).makeInstant();
            Jid piaInRoom = JidCreate.from(room + "/pia");
            BlockingQueue<Stanza> piaGot = inbox(p);
            BlockingQueue<Stanza> maudGot = inbox(m);
            for (int round = 1; round <= ROUNDS; round++) {
                boolean joining = round % 2 == 1;
                // the state the round starts from (pia out of the room to join it, in it to leave it), set up
                // over the current links when a lost stanza of an earlier round left it otherwise
                ensureOccupant(p, maudRoom, piaInRoom, !joining);
                int closed = closeLinks(ROOMS);
                String mark = "lroom" + round + "x" + RUN;
                if (joining) { // Prosody opens its link first: pia joins; the room answers over a link of its own
                    p.sendStanza(join(p, piaInRoom, mark));
                    arrives(ROOMS, "Prosody->Tigase", "join " + round, maudGot, s -> presence(s, piaInRoom, true), piaGot, null);
                    arrives(ROOMS, "Tigase->Prosody", "self-presence " + round, piaGot, s -> presence(s, piaInRoom, true), null, null);
                } else { // Tigase first: maud talks in the room, pia gets it, then pia leaves
                    maudRoom.sendMessage(mark);
                    arrives(ROOMS, "Tigase->Prosody", "room message " + round, piaGot,
                            s -> s instanceof Message msg && msg.getType() == Message.Type.groupchat && mark.equals(msg.getBody()), null, null);
                    p.sendStanza(p.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.unavailable).to(piaInRoom).build());
                    arrives(ROOMS, "Prosody->Tigase", "leave " + round, maudGot, s -> presence(s, piaInRoom, false), piaGot, null);
                }
                if (round > 1 && closed == 0) {
                    throw new AssertionError("round " + round + ": Prosody had no link with " + ROOMS + " to close");
                }
            }
        } finally {
            p.disconnect();
            m.disconnect();
        }
        assertNoneLost(ROOMS);
    }

    /**
     * Stress: both servers open their links at the same moment, each with a burst queued behind the dialback (Prosody
     * sends its whole queue the moment it reads {@code valid}; Tigase writes its waiting stanzas once its link is
     * authenticated). Every message of every burst arrives, once.
     */
    @Test
    @Order(3)
    void burstsBothWaysOverNewLinksOpenedAtTheSameTimeAllArrive() throws Exception {
        XMPPTCPConnection p = atProsody();
        XMPPTCPConnection m = XmppClients.loginAt(XmppClients.SERVER, maud, PASSWORD, "burst");
        int rounds = 4;
        int burst = 25;
        try {
            BlockingQueue<Stanza> piaGot = inbox(p);
            BlockingQueue<Stanza> maudGot = inbox(m);
            for (int round = 1; round <= rounds; round++) {
                closeLinks(DOMAIN);
                List<String> toMaud = new ArrayList<>();
                List<String> toPia = new ArrayList<>();
                for (int i = 1; i <= burst; i++) {
                    toMaud.add("bin" + round + "n" + i + "x" + RUN);
                    toPia.add("bout" + round + "n" + i + "x" + RUN);
                }
                long started = System.nanoTime();
                Thread fromPia = new Thread(() -> sendAll(p, m.getUser(), toMaud));
                fromPia.start();
                sendAll(m, p.getUser(), toPia);
                fromPia.join();
                List<String> missingAtMaud = collect(maudGot, toMaud);
                List<String> missingAtPia = collect(piaGot, toPia);
                long ms = (System.nanoTime() - started) / 1_000_000;
                System.out.println("federation links: burst " + round + ": " + burst + " + " + burst + " messages over links opened "
                        + "by both servers at once: " + (burst - missingAtMaud.size()) + " reached maud, " + (burst - missingAtPia.size())
                        + " reached pia, in " + ms + " ms");
                outcomes.add(new Outcome("burst", "Prosody->Tigase", "burst " + round + " (" + burst + " messages)", ms,
                        missingAtMaud.isEmpty() ? null : missingAtMaud.size() + " missing"));
                outcomes.add(new Outcome("burst", "Tigase->Prosody", "burst " + round + " (" + burst + " messages)", ms,
                        missingAtPia.isEmpty() ? null : missingAtPia.size() + " missing"));
            }
        } finally {
            p.disconnect();
            m.disconnect();
        }
        assertNoneLost("burst");
    }

    private static void sendAll(XMPPTCPConnection from, Jid to, List<String> bodies) {
        try {
            for (String b : bodies) {
                chat(from, to, b);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits up to 15 s for all the bodies (each once) in the inbox; returns those that did not come. */
    private static List<String> collect(BlockingQueue<Stanza> inbox, List<String> bodies) throws InterruptedException {
        List<String> missing = new ArrayList<>(bodies);
        List<String> twice = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            Stanza s = inbox.poll(100, TimeUnit.MILLISECONDS);
            if (s instanceof Message msg && msg.getType() != Message.Type.error && bodies.contains(msg.getBody())
                    && !missing.remove(msg.getBody())) {
                twice.add(msg.getBody());
            }
        }
        assertThat(twice).as("messages received twice").isEmpty();
        return missing;
    }

    // --- the rounds -----------------------------------------------------------------------------------------------

    /**
     * Closes every link between Prosody and {@code target} and waits until Prosody lists none, then a moment for
     * Tigase to finish closing its side (it answers Prosody's closing tag before Prosody forgets the link).
     */
    private int closeLinks(String target) throws InterruptedException {
        int closed = prosody.closeLinks(target);
        Thread.sleep(300);
        return closed;
    }

    /**
     * Waits for the stanza {@code wanted} in {@code inbox} and records the outcome; an error stanza about
     * {@code marker} coming back to the sender ({@code senderInbox}) or nothing within 15 s is a lost stanza.
     */
    private void arrives(String target, String direction, String what, BlockingQueue<Stanza> inbox, Predicate<Stanza> wanted,
            BlockingQueue<Stanza> senderInbox, String marker) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + TimeUnit.MILLISECONDS.toNanos(WAIT_MS);
        String lost = "nothing within " + WAIT_MS / 1000 + " s";
        while (System.nanoTime() < deadline) {
            Stanza s = inbox.poll(100, TimeUnit.MILLISECONDS);
            if (s != null && wanted.test(s)) {
                lost = null;
                break;
            }
            String bounced = senderInbox == null ? null : bounce(senderInbox, marker);
            if (bounced != null) {
                lost = "error back to the sender: " + bounced;
                break;
            }
        }
        Outcome o = new Outcome(target, direction, what, (System.nanoTime() - started) / 1_000_000, lost);
        outcomes.add(o);
        if (!o.arrived()) {
            System.out.println("federation links: " + o);
        }
    }

    /** The error condition of an error stanza about {@code marker} waiting in the sender's inbox (taken out), else null. */
    private static String bounce(BlockingQueue<Stanza> senderInbox, String marker) {
        for (Stanza s : senderInbox) {
            StanzaError e = s.getError();
            if (e != null && (marker == null || s.toXML().toString().contains(marker))) {
                senderInbox.remove(s);
                return e.getCondition() + " from " + s.getFrom();
            }
        }
        return null;
    }

    /** Puts pia in the room or out of it as the round needs, over the links as they are (not counted). */
    private void ensureOccupant(XMPPTCPConnection p, MultiUserChat maudRoom, Jid piaInRoom, boolean in) throws Exception {
        for (int attempt = 1; occupant(maudRoom, piaInRoom) != in; attempt++) {
            if (attempt > 3) {
                throw new AssertionError("cannot get pia " + (in ? "into" : "out of") + " the room to start the round");
            }
            System.out.println("federation links: setting pia " + (in ? "into" : "out of") + " the room again (a stanza of the previous round was lost)");
            p.sendStanza(in ? join(p, piaInRoom, "again" + attempt)
                    : p.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.unavailable).to(piaInRoom).build());
            for (int i = 0; i < 50 && occupant(maudRoom, piaInRoom) != in; i++) {
                Thread.sleep(200);
            }
        }
    }

    private static boolean occupant(MultiUserChat room, Jid occupant) {
        return room.getOccupants().stream().anyMatch(o -> o.equals(occupant));
    }

    private static Presence join(XMPPTCPConnection c, Jid occupant, String status) {
        // no history: the round's stanzas only
        StandardExtensionElement x = StandardExtensionElement.builder("x", MUC)
                .addElement(StandardExtensionElement.builder("history", MUC).addAttribute("maxstanzas", "0").build()).build();
        return c.getStanzaFactory().buildPresenceStanza().to(occupant).setStatus(status).addExtension(x).build();
    }

    private static boolean presence(Stanza s, Jid from, boolean available) {
        return s instanceof Presence pr && from.equals(pr.getFrom())
                && (available ? pr.getType() == Presence.Type.available : pr.getType() == Presence.Type.unavailable);
    }

    private static boolean hasBody(Stanza s, String body) {
        return s instanceof Message m && m.getType() != Message.Type.error && body.equals(m.getBody());
    }

    private void assertNoneLost(String target) {
        print(target);
        List<Outcome> lost = outcomes.stream().filter(o -> o.target().equals(target) && !o.arrived()).toList();
        assertThat(lost).as("first stanzas over new links with " + target + " that did not arrive").isEmpty();
    }

    private void print(String target) {
        List<Outcome> of = outcomes.stream().filter(o -> target.equals("all") ? !o.target().equals("burst") : o.target().equals(target)).toList();
        for (String direction : List.of("Prosody->Tigase", "Tigase->Prosody")) {
            List<Outcome> d = of.stream().filter(o -> o.direction().equals(direction)).toList();
            long lost = d.stream().filter(o -> !o.arrived()).count();
            long[] ms = d.stream().filter(Outcome::arrived).mapToLong(Outcome::ms).sorted().toArray();
            System.out.println("federation links: " + target + " " + direction + ": " + d.size() + " new links, the first "
                    + (target.equals("burst") ? "burst" : "stanza") + " over " + (d.size() - lost) + " arrived, over " + lost + " lost"
                    + (ms.length == 0 ? "" : "; arrived in p50 " + ms[ms.length / 2] + " ms, max " + ms[ms.length - 1] + " ms"));
        }
    }

    // --- clients ----------------------------------------------------------------------------------------------------

    /** Everything (messages, presences) the connection receives from now on. */
    private static BlockingQueue<Stanza> inbox(XMPPTCPConnection c) {
        BlockingQueue<Stanza> q = new LinkedBlockingQueue<>();
        c.addSyncStanzaListener(q::add, new OrFilter(StanzaTypeFilter.MESSAGE, StanzaTypeFilter.PRESENCE));
        return q;
    }

    private static void chat(XMPPTCPConnection from, Jid to, String body) throws Exception {
        from.sendStanza(from.getStanzaFactory().buildMessageStanza().to(to).ofType(Message.Type.chat).setBody(body).build());
    }

    private XMPPTCPConnection atProsody() throws Exception {
        return remoteUser(prosody.address(), ProsodyPeer.C2S_PORT, pia, PASSWORD, "links");
    }

}
