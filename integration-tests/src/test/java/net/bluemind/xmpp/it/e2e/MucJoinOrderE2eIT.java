package net.bluemind.xmpp.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import net.bluemind.xmpp.testkit.services.BlueMindReader;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MucEnterConfiguration;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * XEP-0045 7.2: a joining occupant gets the existing occupants' presences, then its own (status 110), then the
 * room's history, then the subject (JoinInOrderPresences; docs/developers-guide.md, "Known Tigase issues"). With
 * tigase-muc's own priorities the self-presence overtook the others under load, and the history the presences.
 * Each newcomer then leaves with Smack, which waits for the room's answer carrying its request's id (tigase-muc
 * 3.4.0 sent none: every leave timed out). And a room is unlocked when its owner's configuration is answered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MucJoinOrderE2eIT {

    private static final String DOMAIN = E2eStack.DOMAIN;
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final int OCCUPANTS = 16;
    private static final int JOINS = 3;

    private final RunUsers people = new RunUsers(RUN);
    private E2eStack stack;

    @BeforeAll
    void startStack() throws Exception {
        stack = E2eStack.get();
    }

    @BeforeEach
    void needsTigaseWithMuc() {
        List<String> names = new ArrayList<>(List.of("joowner", "jonew1", "jonew2", "jonew3", "jocfgowner", "jocfgguest"));
        for (int i = 0; i < OCCUPANTS; i++) {
            names.add("jo" + i);
        }
        people.addOnceWithRooms(stack, names.toArray(String[]::new));
    }

    @AfterAll
    void disconnect() {
        people.disconnectAll();
    }

    @Test
    void aJoiningOccupantGetsTheOthersThenItselfThenTheHistoryThenTheSubject() throws Exception {
        EntityBareJid roomJid = XmppClients.jid("order-" + RUN + "@conference." + DOMAIN);
        MultiUserChat owner = MultiUserChatManager.getInstanceFor(people.login("joowner")).getMultiUserChat(roomJid);
        owner.create(Resourcepart.from("owner")).makeInstant();
        owner.changeSubject("the order of things");
        List<String> said = List.of("first", "second", "third");
        for (String text : said) {
            owner.sendMessage(text);
        }
        new BlueMindReader(stack.es).awaitRoom(roomJid.toString(), said.size()); // the history comes from the archive
        for (int i = 0; i < OCCUPANTS; i++) {
            MultiUserChat room = MultiUserChatManager.getInstanceFor(people.login("jo" + i)).getMultiUserChat(roomJid);
            room.join(room.getEnterConfigurationBuilder(Resourcepart.from("occupant" + i)).requestNoHistory().build());
        }

        List<MultiUserChat> newcomers = new ArrayList<>();
        for (int join = 1; join <= JOINS; join++) {
            // a newcomer of its own each time: what is checked is a first join, and its leave
            XMPPTCPConnection joiner = people.login("jonew" + join);
            joiner.setReplyTimeout(30_000); // a join here is 35 presences, the history read from the archive, a subject
            List<Stanza> got = new CopyOnWriteArrayList<>();
            // a synchronous listener: called in the order the stanzas arrived
            joiner.addSyncStanzaListener(got::add, st -> st.getFrom() != null && st.getFrom().asBareJid().equals(roomJid));
            MultiUserChat room = MultiUserChatManager.getInstanceFor(joiner).getMultiUserChat(roomJid);
            room.join(room.getEnterConfigurationBuilder(Resourcepart.from("newcomer" + join)).build());
            newcomers.add(room);
            awaitSubject(got);
            List<String> order = got.stream().map(MucJoinOrderE2eIT::kind).filter(k -> !k.isEmpty()).toList();
            String others = "other ".repeat(OCCUPANTS + join).trim(); // the newcomers before stay
            String history = "history ".repeat(said.size()).trim();
            assertThat(String.join(" ", order)).as("join %d of %d: what the room sent the newcomer, in order", join, JOINS)
                    .isEqualTo(others + " self " + history + " subject");
        }
        for (MultiUserChat room : newcomers) {
            room.leave(); // Smack waits for the room's answer with its request's id
        }
    }

    /**
     * tigase-muc answered a room's first configuration before it unlocked the room: a participant joining on that
     * answer could be refused with item-not-found under load (AnswerAfterConfiguration). Twenty rooms, each joined the
     * moment its owner's configuration is answered.
     */
    @Test
    void aParticipantJoinsARoomTheMomentItsOwnerHasConfiguredIt() throws Exception {
        XMPPTCPConnection ownerConnection = people.login("jocfgowner");
        XMPPTCPConnection participantConnection = people.login("jocfgguest");
        for (int i = 0; i < 20; i++) {
            EntityBareJid roomJid = XmppClients.jid("unlocked" + i + "-" + RUN + "@conference." + DOMAIN);
            MultiUserChatManager.getInstanceFor(ownerConnection).getMultiUserChat(roomJid)
                    .create(Resourcepart.from("owner")).makeInstant();
            MultiUserChat participant = MultiUserChatManager.getInstanceFor(participantConnection).getMultiUserChat(roomJid);
            participant.join(Resourcepart.from("participant")); // throws on item-not-found
            assertThat(participant.isJoined()).as("room %d joined", i).isTrue();
        }
    }

    private static void awaitSubject(List<Stanza> got) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && got.stream().noneMatch(s -> s instanceof Message m && m.getSubject() != null)) {
            Thread.sleep(20);
        }
    }

    /** other, self, history or subject; empty for what the join does not consist of. */
    private static String kind(Stanza s) {
        if (s instanceof Presence p && p.getType() == Presence.Type.available) {
            MUCUser x = MUCUser.from(p);
            return x != null && x.getStatus().contains(MUCUser.Status.PRESENCE_TO_SELF_110) ? "self" : "other";
        }
        if (s instanceof Message m && m.getSubject() != null && m.getBody() == null) {
            return "subject";
        }
        if (s instanceof Message m && m.getBody() != null && m.hasExtension("delay", "urn:xmpp:delay")) {
            return "history";
        }
        return "";
    }
}
