package net.bluemind.xmpp.archive.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The capture decision, case by case (plugins/archive/README.md, "Capture"): facts of one pass through the session
 * manager in, the plan out. {@code sent} = seen in the sender's session, from their own connection; {@code delivered}
 * = on its way to a local user (any other pass). acme.test is ours; other.example is another server.
 */
class CapturePlannerTest {

    private static final Predicate<String> LOCAL = Set.of("acme.test")::contains;
    private static final String ALICE = "alice@acme.test";
    private static final String BOB = "bob@acme.test";
    private static final String ZOE = "zoe@other.example";
    private static final String ROOM = "room@conference.acme.test";
    private static final String REMOTE_ROOM = "lounge@rooms.other.example";

    static Stream<Arguments> cases() {
        return Stream.of(
                // --- chat / normal, no room involved ----------------------------------------------------------
                row("local to local, sent", sent(chat(ALICE + "/p", BOB + "/pc")),
                        "strip bob@acme.test; archive alice@acme.test -> bob@acme.test for [alice@acme.test, bob@acme.test];"
                                + " stamp bob@acme.test"),
                row("local to local, delivered (second pass: archived when sent)", delivered(chat(ALICE + "/p", BOB + "/pc")),
                        "nothing"),
                row("local to a remote server's user, sent", sent(chat(ALICE + "/p", ZOE)),
                        "archive alice@acme.test -> zoe@other.example for [alice@acme.test]"),
                row("remote server's user to local, delivered", delivered(chat(ZOE + "/x", ALICE)),
                        "strip alice@acme.test; archive zoe@other.example -> alice@acme.test for [alice@acme.test];"
                                + " stamp alice@acme.test"),
                row("to oneself, sent", sent(chat(ALICE + "/a", ALICE + "/b")),
                        "strip alice@acme.test; archive alice@acme.test -> alice@acme.test for [alice@acme.test];"
                                + " stamp alice@acme.test"),
                row("from our domain itself (no local part), delivered", delivered(chat("acme.test", ALICE)),
                        "archive acme.test -> alice@acme.test for [alice@acme.test]; stamp alice@acme.test"),
                row("without a sender address, delivered", delivered(chat(null, ALICE)), "strip alice@acme.test"),
                row("not from a session of ours, to another server (as Tigase routes nothing such here)",
                        delivered(chat(ZOE, "yan@other.example")),
                        "archive zoe@other.example -> yan@other.example for [yan@other.example]"),
                row("untyped, sent: archived as normal", sent(message(null, ALICE, BOB, "x")),
                        "strip bob@acme.test; archive normal alice@acme.test -> bob@acme.test for [alice@acme.test, bob@acme.test];"
                                + " stamp bob@acme.test"),
                row("chat state (no body), local to local, sent", sent(message("chat", ALICE, BOB, null)), "strip bob@acme.test"),
                row("chat state (no body), remote to local, delivered", delivered(message("chat", ZOE, ALICE, null)),
                        "strip alice@acme.test"),
                row("blank body, sent", sent(message("chat", ALICE, BOB, " \n")), "strip bob@acme.test"),
                row("error, sent", sent(message("error", ALICE, BOB, "x")), "strip bob@acme.test"),
                row("headline from another server, delivered", delivered(message("headline", ZOE, ALICE, "x")),
                        "strip alice@acme.test"),
                row("carbon copy to the user's other resource, delivered",
                        delivered(new Stanza("chat", ALICE, ALICE + "/b", null, "x", null, true, false)), "nothing"),
                row("no-store hint, sent", sent(new Stanza("chat", ALICE, BOB, null, "x", null, false, true)),
                        "strip bob@acme.test"),
                row("handed back undelivered by c2s (Tigase's delivery-error), its ids kept",
                        sent(new Stanza("chat", ALICE, BOB, "m1", "x", null, false, false, true)), "nothing"),
                row("handed back undelivered, received from another server",
                        delivered(new Stanza("chat", ZOE, ALICE, "m1", "x", null, false, false, true)), "nothing"),
                row("chat to a room's own address (not an occupant), sent", sent(chat(ALICE, ROOM), RoomRoute.HERE),
                        "archive alice@acme.test -> room@conference.acme.test for [alice@acme.test]"),

                // --- groupchat --------------------------------------------------------------------------------
                row("to a room here, which archives itself, sent", sent(groupchat(ALICE + "/p", ROOM), RoomRoute.HERE, true),
                        "strip room@conference.acme.test"),
                row("to a room here, tigase-muc without our history provider, sent",
                        sent(groupchat(ALICE + "/p", ROOM), RoomRoute.HERE, false),
                        "strip room@conference.acme.test; archive groupchat alice@acme.test -> room@conference.acme.test"
                                + " for [room@conference.acme.test]; stamp room@conference.acme.test"),
                row("to a room on another node of the cluster, sent", sent(groupchat(ALICE + "/p", ROOM), RoomRoute.OTHER_NODE, false),
                        "strip room@conference.acme.test"),
                row("to a remote server's room, sent", sent(groupchat(ALICE + "/p", REMOTE_ROOM), RoomRoute.ELSEWHERE, true),
                        "archive groupchat alice@acme.test -> lounge@rooms.other.example for [lounge@rooms.other.example]"),
                row("without body to a room here, no provider, sent",
                        sent(message("groupchat", ALICE, ROOM, null), RoomRoute.HERE, false), "strip room@conference.acme.test"),
                row("reflected by a room here (a local or a remote server's user said it), delivered",
                        delivered(groupchat(ROOM + "/zoe", ALICE + "/p"), RoomRoute.HERE),
                        "keep archive ids by room@conference.acme.test"),
                row("reflected by a room on another node, delivered", delivered(groupchat(ROOM + "/bob", ALICE + "/p"), RoomRoute.OTHER_NODE),
                        "keep archive ids by room@conference.acme.test"),
                row("reflected by a remote server's room, delivered",
                        delivered(groupchat(REMOTE_ROOM + "/zoe", ALICE + "/p"), RoomRoute.ELSEWHERE), "nothing"),

                // --- private message through a room here (XEP-0045 7.5) ---------------------------------------
                row("to a local occupant of a non-anonymous room, sent", privateSent(chat(ALICE + "/p", ROOM + "/bob"), BOB),
                        "strip bob@acme.test; archive alice@acme.test -> bob@acme.test for [alice@acme.test, bob@acme.test];"
                                + " stamp bob@acme.test"),
                row("to a remote server's user in a non-anonymous room, sent", privateSent(chat(ALICE + "/p", ROOM + "/zoe"), ZOE),
                        "archive alice@acme.test -> zoe@other.example for [alice@acme.test]"),
                row("to an occupant of a semi-anonymous room, sent", privateSent(chat(ALICE + "/p", ROOM + "/bob"), null),
                        "archive alice@acme.test -> room@conference.acme.test for [alice@acme.test]"),
                row("chat state to a local occupant, sent", privateSent(message("chat", ALICE, ROOM + "/bob", null), BOB),
                        "strip bob@acme.test"),
                row("from a local occupant, delivered (archived when sent)", privateDelivered(chat(ROOM + "/bob", ALICE + "/p"), BOB),
                        "nothing"),
                row("from a remote server's user in a non-anonymous room, delivered",
                        privateDelivered(chat(ROOM + "/zoe", ALICE + "/p"), ZOE),
                        "strip alice@acme.test; archive zoe@other.example -> alice@acme.test for [alice@acme.test];"
                                + " stamp alice@acme.test"),
                row("from an occupant of a semi-anonymous room, delivered", privateDelivered(chat(ROOM + "/bob", ALICE), null),
                        "strip alice@acme.test"),
                row("to an occupant of a room on another node, sent: a plain chat with room/nick",
                        sent(chat(ALICE + "/p", ROOM + "/bob"), RoomRoute.OTHER_NODE),
                        "archive alice@acme.test -> room@conference.acme.test for [alice@acme.test]"),
                row("from an occupant of a room on another node, delivered: a plain chat from room/nick",
                        delivered(chat(ROOM + "/bob", ALICE + "/p"), RoomRoute.OTHER_NODE),
                        "strip alice@acme.test; archive room@conference.acme.test -> alice@acme.test for [alice@acme.test];"
                                + " stamp alice@acme.test"),

                // --- federation policy: only partner.example is allowed (bm-xmpp.federation = allow-list) -----
                row("to a refused server's user, sent: bounced by the policy, not archived",
                        sentUnderAllowList(chat(ALICE + "/p", ZOE), RoomRoute.ELSEWHERE), "nothing"),
                row("to a refused server's room, sent: bounced, not archived",
                        sentUnderAllowList(groupchat(ALICE + "/p", REMOTE_ROOM), RoomRoute.ELSEWHERE), "nothing"),
                row("to an allowed server's user, sent", sentUnderAllowList(chat(ALICE + "/p", "pia@partner.example"), RoomRoute.ELSEWHERE),
                        "archive alice@acme.test -> pia@partner.example for [alice@acme.test]"),
                row("to an allowed server's room (a subdomain), sent",
                        sentUnderAllowList(groupchat(ALICE + "/p", "lounge@rooms.partner.example"), RoomRoute.ELSEWHERE),
                        "archive groupchat alice@acme.test -> lounge@rooms.partner.example for [lounge@rooms.partner.example]"),
                row("local to local under the allow-list, sent", sentUnderAllowList(chat(ALICE + "/p", BOB), RoomRoute.ELSEWHERE),
                        "strip bob@acme.test; archive alice@acme.test -> bob@acme.test for [alice@acme.test, bob@acme.test];"
                                + " stamp bob@acme.test"),
                row("to our own room service without tigase-muc's answer (not another server), sent",
                        sentUnderAllowList(chat(ALICE, ROOM), RoomRoute.ELSEWHERE),
                        "archive alice@acme.test -> room@conference.acme.test for [alice@acme.test]"),
                row("from a refused server, delivered (the policy refuses its streams: cannot happen; archived as any)",
                        CaptureFacts.of(chat(ZOE, ALICE), Direction.INCOMING, RoomRoute.ELSEWHERE, true, null, LOCAL,
                                CapturePlannerTest::onlyPartner),
                        "strip alice@acme.test; archive zoe@other.example -> alice@acme.test for [alice@acme.test];"
                                + " stamp alice@acme.test"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void planFor(String name, CaptureFacts facts, String expected) {
        assertThat(describe(CapturePlanner.plan(facts))).isEqualTo(expected);
    }

    @Test
    void aPrivateMessageIsArchivedWithTheRealJidsAndTheSendersResource() {
        CapturePlan.Archive a = CapturePlanner.plan(privateSent(chat(ALICE + "/phone", ROOM + "/bob"), BOB)).archive();
        assertThat(a.stanza().from()).isEqualTo(ALICE + "/phone");
        assertThat(a.stanza().to()).isEqualTo(BOB);
        assertThat(a.stanza().body()).isEqualTo("hi");
        CapturePlan.Archive in = CapturePlanner.plan(privateDelivered(chat(ROOM + "/zoe", ALICE + "/p"), ZOE)).archive();
        assertThat(in.stanza().from()).isEqualTo(ZOE);
        assertThat(in.stanza().to()).isEqualTo(ALICE + "/p");
    }

    @Test
    void theRealJidIsAskedForOnlyForAPrivateMessageThroughARoomHere() {
        assertThat(CaptureFacts.isPrivateThroughRoom(chat(ALICE, ROOM + "/bob"), Direction.OUTGOING, RoomRoute.HERE)).isTrue();
        assertThat(CaptureFacts.isPrivateThroughRoom(chat(ROOM + "/bob", ALICE), Direction.INCOMING, RoomRoute.HERE)).isTrue();
        assertThat(CaptureFacts.isPrivateThroughRoom(chat(ALICE, ROOM), Direction.OUTGOING, RoomRoute.HERE)).isFalse();
        assertThat(CaptureFacts.isPrivateThroughRoom(groupchat(ROOM + "/bob", ALICE), Direction.INCOMING, RoomRoute.HERE)).isFalse();
        assertThat(CaptureFacts.isPrivateThroughRoom(chat(ALICE, ROOM + "/bob"), Direction.OUTGOING, RoomRoute.OTHER_NODE)).isFalse();
        // a real JID handed over for anything else is not a fact of that message
        CaptureFacts f = CaptureFacts.of(chat(ALICE, BOB), Direction.OUTGOING, RoomRoute.ELSEWHERE, false, ZOE, LOCAL);
        assertThat(f.occupantJid()).isNull();
        assertThat(f.occupant()).isEqualTo(Locality.ABSENT);
    }

    @Test
    void localityOfAnAddress() {
        assertThat(Locality.of("Alice@ACME.test/p", LOCAL)).isEqualTo(Locality.LOCAL_USER);
        assertThat(Locality.of("acme.test", LOCAL)).isEqualTo(Locality.LOCAL_DOMAIN);
        assertThat(Locality.of(ROOM, LOCAL)).isEqualTo(Locality.NOT_LOCAL); // a component is not a virtual host
        assertThat(Locality.of(ZOE, LOCAL)).isEqualTo(Locality.NOT_LOCAL);
        assertThat(Locality.of(null, LOCAL)).isEqualTo(Locality.ABSENT);
        assertThat(Locality.of(" ", LOCAL)).isEqualTo(Locality.ABSENT);
    }

    @Test
    void anIdIsStampedOnlyOnAnArchivedMessage() {
        assertThatThrownBy(() -> new CapturePlan(null, null, null, BOB)).isInstanceOf(IllegalArgumentException.class);
    }

    // --- facts --------------------------------------------------------------------------------------------

    private static Arguments row(String name, CaptureFacts facts, String expected) {
        return Arguments.of(name, facts, expected);
    }

    private static Stanza message(String type, String from, String to, String body) {
        return new Stanza(type, from, to, "m1", body, null, false, false);
    }

    private static Stanza chat(String from, String to) {
        return message("chat", from, to, "hi");
    }

    private static Stanza groupchat(String from, String to) {
        return message("groupchat", from, to, "all");
    }

    private static CaptureFacts sent(Stanza s) {
        return sent(s, RoomRoute.ELSEWHERE);
    }

    private static CaptureFacts sent(Stanza s, RoomRoute room) {
        return sent(s, room, true);
    }

    private static CaptureFacts sent(Stanza s, RoomRoute room, boolean roomsArchiveThemselves) {
        return CaptureFacts.of(s, Direction.OUTGOING, room, roomsArchiveThemselves, null, LOCAL);
    }

    private static CaptureFacts sentUnderAllowList(Stanza s, RoomRoute room) {
        return CaptureFacts.of(s, Direction.OUTGOING, room, false, null, LOCAL, CapturePlannerTest::onlyPartner);
    }

    private static boolean onlyPartner(String domain) {
        return domain.equals("partner.example") || domain.endsWith(".partner.example");
    }

    private static CaptureFacts delivered(Stanza s) {
        return delivered(s, RoomRoute.ELSEWHERE);
    }

    private static CaptureFacts delivered(Stanza s, RoomRoute room) {
        return CaptureFacts.of(s, Direction.INCOMING, room, true, null, LOCAL);
    }

    /** To an occupant of a room here; {@code real}: who the room says it is (null: it does not say). */
    private static CaptureFacts privateSent(Stanza s, String real) {
        return CaptureFacts.of(s, Direction.OUTGOING, RoomRoute.HERE, true, real, LOCAL);
    }

    private static CaptureFacts privateDelivered(Stanza s, String real) {
        return CaptureFacts.of(s, Direction.INCOMING, RoomRoute.HERE, true, real, LOCAL);
    }

    /** The plan as a row of the README's table: what is stripped, archived (type when not chat) for whom, stamped. */
    private static String describe(CapturePlan p) {
        List<String> parts = new ArrayList<>();
        if (p.stripIdsBy() != null) {
            parts.add("strip " + p.stripIdsBy());
        }
        if (p.keepOnlyArchiveIdsBy() != null) {
            parts.add("keep archive ids by " + p.keepOnlyArchiveIdsBy());
        }
        if (p.archive() != null) {
            CapturePlan.Archive a = p.archive();
            parts.add("archive " + (a.type().equals("chat") ? "" : a.type() + " ") + a.from() + " -> " + a.to() + " for "
                    + a.owners());
        }
        if (p.stampBy() != null) {
            parts.add("stamp " + p.stampBy());
        }
        return parts.isEmpty() ? "nothing" : String.join("; ", parts);
    }
}
