package net.bluemind.xmpp.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * XEP-0421 occupant ids in our rooms (tigase-muc 3.4.0 gives none; OccupantIdFilter, docs/developers-guide.md, "Known
 * Tigase issues"): the room lists the feature, every presence and message of an occupant carries exactly one id,
 * the sender's forged one is replaced, the id stays the same across a rejoin under another nickname, differs
 * between users and does not show the user's address.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OccupantIdE2eIT {

    private static final String XMLNS = "urn:xmpp:occupant-id:0";
    private static final String DOMAIN = E2eStack.DOMAIN;
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private final RunUsers people = new RunUsers(RUN);
    private E2eStack stack;

    @BeforeAll
    void startStack() throws Exception {
        stack = E2eStack.get();
    }

    @BeforeEach
    void needsTigaseWithMuc() {
        people.addOnceWithRooms(stack, "oia", "oib");
    }

    @AfterAll
    void disconnect() {
        people.disconnectAll();
    }

    private XMPPTCPConnection user(String name) throws Exception {
        return people.login(name);
    }

    /** Every stanza {@code c} receives from an occupant of {@code room}. */
    private static BlockingQueue<Stanza> fromOccupantsOf(XMPPTCPConnection c, EntityBareJid room) {
        BlockingQueue<Stanza> seen = new LinkedBlockingQueue<>();
        c.addAsyncStanzaListener(seen::add, s -> s.getFrom() != null && s.getFrom().asBareJid().equals(room)
                && s.getFrom().hasResource() && (s instanceof Message || s instanceof Presence));
        return seen;
    }

    private static Stanza await(BlockingQueue<Stanza> q, Predicate<Stanza> what, String described) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            Stanza s = q.poll(200, TimeUnit.MILLISECONDS);
            if (s != null && what.test(s)) {
                return s;
            }
        }
        throw new AssertionError("not received within 10 s: " + described);
    }

    /** The one occupant id the stanza carries (fails on none or several). */
    private static String idOf(Stanza s) {
        List<ExtensionElement> ids = s.getExtensions("occupant-id", XMLNS);
        assertThat(ids).as("occupant-id elements in %s", s.toXML()).hasSize(1);
        return ((StandardExtensionElement) ids.get(0)).getAttributeValue("id");
    }

    private static Predicate<Stanza> from(EntityBareJid room, String nick) {
        return s -> s.getFrom().asBareJid().equals(room) && s.getFrom().getResourceOrEmpty().toString().equals(nick);
    }

    @Test
    void aRoomCarriesStableDistinctOccupantIdsAndReplacesForgedOnes() throws Exception {
        EntityBareJid roomJid = XmppClients.jid("oid-" + RUN + "@conference." + DOMAIN);
        XMPPTCPConnection a = user("oia");
        XMPPTCPConnection b = user("oib");
        BlockingQueue<Stanza> atA = fromOccupantsOf(a, roomJid);
        MultiUserChat aRoom = MultiUserChatManager.getInstanceFor(a).getMultiUserChat(roomJid);
        aRoom.create(Resourcepart.from("anna")).makeInstant();
        assertThat(ServiceDiscoveryManager.getInstanceFor(b).discoverInfo(roomJid).containsFeature(XMLNS))
                .as("the room lists " + XMLNS).isTrue();
        String annaId = idOf(await(atA, from(roomJid, "anna").and(Presence.class::isInstance), "anna's own presence"));

        MultiUserChat bRoom = MultiUserChatManager.getInstanceFor(b).getMultiUserChat(roomJid);
        bRoom.join(Resourcepart.from("bert"));
        String bertId = idOf(await(atA, from(roomJid, "bert").and(Presence.class::isInstance), "bert's join presence"));
        assertThat(bertId).isNotEqualTo(annaId).doesNotContain("oib").hasSizeLessThanOrEqualTo(128);

        // a message whose sender put another occupant's id in it leaves the room with the sender's own, once
        bRoom.sendMessage(bRoom.buildMessage().setBody("hello " + RUN)
                .addExtension(StandardExtensionElement.builder("occupant-id", XMLNS).addAttribute("id", annaId).build()));
        Stanza message = await(atA, from(roomJid, "bert").and(Message.class::isInstance), "bert's message");
        assertThat(idOf(message)).isEqualTo(bertId);

        // a rejoin under another nickname, from another connection, keeps the id (tigase-muc 3.4.0 has no in-room
        // nickname change, and its self-presence on leave lacks the id of the leave presence, which Smack's leave() waits for)
        b.disconnect();
        await(atA, from(roomJid, "bert").and(Presence.class::isInstance).and(p -> !((Presence) p).isAvailable()),
                "bert's leave presence");
        MultiUserChat again = MultiUserChatManager.getInstanceFor(user("oib")).getMultiUserChat(roomJid);
        again.join(Resourcepart.from("b2"));
        assertThat(idOf(await(atA, from(roomJid, "b2").and(Presence.class::isInstance).and(p -> ((Presence) p).isAvailable()),
                "b2's join presence"))).isEqualTo(bertId);
        aRoom.destroy("done", null);
    }
}
