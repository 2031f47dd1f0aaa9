package net.bluemind.xmpp.it.archive;

import static net.bluemind.xmpp.it.archive.ArchiveTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.bluemind.xmpp.archive.ArchiveEngine;
import net.bluemind.xmpp.archive.capture.Direction;
import net.bluemind.xmpp.archive.capture.Stanza;
import net.bluemind.xmpp.archive.es.EsConnection;
import net.bluemind.xmpp.archive.es.IndexNames;
import net.bluemind.xmpp.archive.mam.MamAnswer;
import net.bluemind.xmpp.archive.mam.MamError;
import net.bluemind.xmpp.archive.mam.MamError.Condition;
import net.bluemind.xmpp.archive.mam.MamQueryParser;
import net.bluemind.xmpp.archive.mam.MamRenderer;
import net.bluemind.xmpp.archive.mam.XmlElement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Capture → real Elasticsearch → XEP-0313 queries: paging, ranges, full text with awkward input, access rules. */
class ArchiveMamIT {

    static final long T0 = 1_700_000_000_000L;
    static final String ALICE = "alice@acme.test";
    static final String BOB = "bob@acme.test";
    static final String ROOM = "dev@conference.acme.test";
    static final List<String> SPECIAL = List.of("look at field:value here", "she said \"quoted words\" twice",
            "cats AND OR dogs", "back\\slash (paren", "日本語のテキスト", "the star * alone");

    static EsConnection es;
    static IndexNames names;
    static ArchiveEngine engine;
    static final AtomicLong clock = new AtomicLong(T0);
    static final List<String> conversation = new ArrayList<>(); // alice<->bob bodies, in order
    static int aliceTotal;

    @BeforeAll
    static void archiveAConversation() throws Exception {
        URI url = ArchiveTestSupport.es();
        es = ArchiveTestSupport.client(url);
        names = ArchiveTestSupport.freshNames();
        engine = ArchiveTestSupport.engine(ArchiveTestSupport.config(url, names, Files.createTempDirectory("mam-spool"), 50),
                () -> clock.getAndAdd(1000));
        int n = 0;
        for (int i = 0; i < 25; i++) {
            boolean fromAlice = i % 2 == 0;
            String body = "message number " + i;
            capture("chat", fromAlice ? ALICE + "/phone" : BOB + "/pc", fromAlice ? BOB : ALICE, body, Direction.OUTGOING);
            conversation.add(body);
            n++;
        }
        for (String s : SPECIAL) {
            capture("chat", ALICE + "/phone", BOB, s, Direction.OUTGOING);
            conversation.add(s);
            n++;
        }
        // not archived: reflected copy at the recipient, chat state, error, carbon
        capture("chat", ALICE + "/phone", BOB + "/pc", "message number 0", Direction.INCOMING);
        capture("chat", ALICE + "/phone", BOB, null, Direction.OUTGOING);
        capture("error", ALICE + "/phone", BOB, "oops", Direction.OUTGOING);
        assertThat(engine.capture(new Stanza("chat", ALICE, BOB, null, "copy", null, true, false), Direction.OUTGOING)).isEmpty();
        // other conversations of alice
        capture("chat", ALICE, "carol@acme.test", "hello carol", Direction.OUTGOING);
        capture("chat", "zoe@other.example/x", ALICE, "hello from afar", Direction.INCOMING);
        capture("groupchat", ALICE + "/phone", ROOM, "hello room", Direction.OUTGOING);
        aliceTotal = n + 2;
        int expected = n + 3;
        await(Duration.ofSeconds(30), expected + " stored", () -> engine.stats().stored() == expected);
        ArchiveTestSupport.refresh(es.client(), names);
    }

    static void capture(String type, String from, String to, String body, Direction d) {
        engine.capture(new Stanza(type, from, to, "id-" + clock.get(), body, null, false, false), d);
    }

    @AfterAll
    static void cleanUp() {
        engine.close();
        ArchiveTestSupport.drop(es.client(), names);
        es.close();
    }

    static XmlElement query(List<XmlElement> fields, XmlElement... rsm) {
        XmlElement x = XmlElement.of("x", MamQueryParser.DATA).withAttribute("type", "submit");
        for (XmlElement f : fields) {
            x = x.withChild(f);
        }
        XmlElement set = XmlElement.of("set", MamQueryParser.RSM);
        for (XmlElement r : rsm) {
            set = set.withChild(r);
        }
        return XmlElement.of("query", MamQueryParser.MAM).withAttribute("queryid", "q").withChild(x).withChild(set);
    }

    static XmlElement field(String var, String value) {
        return XmlElement.of("field", null).withAttribute("var", var).withChild(XmlElement.of("value", null).withText(value));
    }

    static XmlElement el(String name, String text) {
        return XmlElement.of(name, null).withText(text);
    }

    static List<String> bodies(MamAnswer a) {
        return a.messages().stream().map(m -> m.child("result", MamQueryParser.MAM).orElseThrow()
                .child("forwarded", MamRenderer.FORWARD).orElseThrow().child("message", "jabber:client").orElseThrow()
                .child("body", "jabber:client").orElseThrow().text()).toList();
    }

    static XmlElement set(MamAnswer a) {
        return a.iqChild().child("set", MamQueryParser.RSM).orElseThrow();
    }

    static String text(XmlElement set, String name) {
        return set.child(name, MamQueryParser.RSM).map(XmlElement::text).orElse(null);
    }

    @Test
    void conversationComesBackOnceInOrderForEachParticipant() throws Exception {
        MamAnswer bob = engine.mam().handle(BOB + "/pc", null, true, query(List.of(field("with", ALICE)), el("max", "100")));
        assertThat(bodies(bob)).containsExactlyElementsOf(conversation);
        assertThat(bob.iqChild().attribute("complete")).isEqualTo("true");
        assertThat(text(set(bob), "count")).isEqualTo(Integer.toString(conversation.size()));
        MamAnswer alice = engine.mam().handle(ALICE + "/phone", ALICE, true, query(List.of(field("with", BOB)), el("max", "100")));
        assertThat(bodies(alice)).containsExactlyElementsOf(conversation);
        XmlElement first = alice.messages().get(0);
        assertThat(first.attribute("to")).isEqualTo(ALICE + "/phone");
        XmlElement fwd = first.child("result", MamQueryParser.MAM).orElseThrow().child("forwarded", MamRenderer.FORWARD).orElseThrow();
        assertThat(fwd.child("delay", MamRenderer.DELAY).orElseThrow().attribute("stamp")).isEqualTo("2023-11-14T22:13:20Z");
    }

    @Test
    void aliceSeesAllHerConversationsButNotTheRoomInHerOwnArchive() throws Exception {
        MamAnswer a = engine.mam().handle(ALICE + "/phone", null, true, query(List.of(), el("max", "100")));
        assertThat(bodies(a)).hasSize(aliceTotal).contains("hello carol", "hello from afar").doesNotContain("hello room");
    }

    @Test
    void blueMindsConversationQuerySeesEachMessageOnce() throws Exception {
        ElasticsearchClient c = es.client();
        long n = c.count(x -> x.index(names.readAlias()).query(q -> q.bool(b -> b
                .should(s -> s.bool(y -> y.filter(f -> f.term(t -> t.field("from").value(ALICE)))
                        .filter(f -> f.term(t -> t.field("to").value(BOB)))))
                .should(s -> s.bool(y -> y.filter(f -> f.term(t -> t.field("from").value(BOB)))
                        .filter(f -> f.term(t -> t.field("to").value(ALICE)))))))).count();
        assertThat(n).isEqualTo(conversation.size());
        long room = c.count(x -> x.index(names.readAlias()).query(q -> q.term(t -> t.field("to").value(ROOM)))).count();
        assertThat(room).isEqualTo(1);
    }

    @Test
    void forwardPagingWithAfterWalksEverythingExactlyOnce() throws Exception {
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        while (true) {
            XmlElement[] rsm = after == null ? new XmlElement[] {el("max", "7")} : new XmlElement[] {el("max", "7"), el("after", after)};
            MamAnswer a = engine.mam().handle(BOB + "/pc", null, true, query(List.of(field("with", ALICE)), rsm));
            pages++;
            seen.addAll(bodies(a));
            assertThat(text(set(a), "count")).isEqualTo(Integer.toString(conversation.size()));
            if ("true".equals(a.iqChild().attribute("complete"))) {
                break;
            }
            after = text(set(a), "last");
            assertThat(pages).isLessThan(10);
        }
        assertThat(seen).containsExactlyElementsOf(conversation);
        assertThat(pages).isEqualTo((conversation.size() + 6) / 7);
    }

    @Test
    void lastPageThenBackwardsWithBefore() throws Exception {
        MamAnswer last = engine.mam().handle(BOB + "/pc", null, true, query(List.of(field("with", ALICE)), el("max", "5"), el("before", null)));
        int n = conversation.size();
        assertThat(bodies(last)).containsExactlyElementsOf(conversation.subList(n - 5, n));
        assertThat(last.iqChild().attribute("complete")).isNull();
        MamAnswer previous = engine.mam().handle(BOB + "/pc", null, true,
                query(List.of(field("with", ALICE)), el("max", "5"), el("before", text(set(last), "first"))));
        assertThat(bodies(previous)).containsExactlyElementsOf(conversation.subList(n - 10, n - 5));
        // walking back to the start ends with complete='true'
        MamAnswer a = previous;
        List<String> seen = new ArrayList<>(bodies(last));
        seen.addAll(0, bodies(previous));
        while (!"true".equals(a.iqChild().attribute("complete"))) {
            a = engine.mam().handle(BOB + "/pc", null, true,
                    query(List.of(field("with", ALICE)), el("max", "5"), el("before", text(set(a), "first"))));
            seen.addAll(0, bodies(a));
        }
        assertThat(seen).containsExactlyElementsOf(conversation);
    }

    @Test
    void maxZeroGivesTheCountOnly() throws Exception {
        MamAnswer a = engine.mam().handle(BOB + "/pc", null, true, query(List.of(field("with", ALICE)), el("max", "0")));
        assertThat(a.messages()).isEmpty();
        assertThat(text(set(a), "count")).isEqualTo(Integer.toString(conversation.size()));
    }

    @Test
    void startAndEndLimitTheRange() throws Exception {
        // message i of the conversation was archived at T0 + i s
        MamAnswer a = engine.mam().handle(BOB + "/pc", null, true, query(List.of(field("with", ALICE),
                field("start", "2023-11-14T22:13:23Z"), field("end", "2023-11-14T22:13:25Z")), el("max", "100")));
        assertThat(bodies(a)).containsExactly("message number 3", "message number 4", "message number 5");
    }

    @Test
    void unknownOrForeignCursorIsItemNotFound() throws Exception {
        assertError(() -> engine.mam().handle(BOB + "/pc", null, true, query(List.of(), el("after", "nope"))), Condition.ITEM_NOT_FOUND);
        // an id of alice's archive that bob does not own (alice's message to carol)
        MamAnswer carol = engine.mam().handle(ALICE + "/phone", null, true, query(List.of(field("with", "carol@acme.test"))));
        String foreign = text(set(carol), "first");
        assertThat(foreign).isNotNull();
        assertError(() -> engine.mam().handle(BOB + "/pc", null, true, query(List.of(), el("after", foreign))), Condition.ITEM_NOT_FOUND);
    }

    @Test
    void fullTextFindsWordsThroughEveryAlias() throws Exception {
        for (String var : List.of(MamQueryParser.FULLTEXT_FIELD, "withtext", "search")) {
            MamAnswer a = engine.mam().handle(BOB + "/pc", null, true, query(List.of(field(var, "number 12"))));
            assertThat(bodies(a)).as(var).containsExactly("message number 12");
        }
    }

    @Test
    void queryLikeInputIsSearchedAsPlainWords() throws Exception {
        assertThat(bodies(search("field:value"))).containsExactly("look at field:value here");
        assertThat(bodies(search("\"quoted words\""))).containsExactly("she said \"quoted words\" twice");
        assertThat(bodies(search("cats AND OR dogs"))).containsExactly("cats AND OR dogs");
        assertThat(bodies(search("(paren"))).containsExactly("back\\slash (paren");
        assertThat(bodies(search("日本語"))).containsExactly("日本語のテキスト");
        // '*' is not a wildcard: it matches nothing rather than everything
        assertThat(bodies(search("*"))).isEmpty();
        assertThat(bodies(search("message AND nothing"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "\"", "AND OR", "from:alice@acme.test", "\\", "(", ")", "[", "{", "~", "^2", "/", "a:b:c",
            "message~2", "mess*", "<script>", "' OR 1=1 --", "💬", "\u0000"})
    void awkwardTextNeverFailsAndNeverWidensTheSearch(String text) throws Exception {
        MamAnswer a = search(text);
        assertThat(a.messages().size()).isLessThan(conversation.size());
    }

    @Test
    void veryLongTextIsAcceptedAndMatchesNothing() throws Exception {
        assertThat(search("zzz ".repeat(20_000)).messages()).isEmpty();
    }

    @Test
    void someoneElsesArchiveIsForbidden() {
        assertError(() -> engine.mam().handle(BOB + "/pc", ALICE, true, query(List.of())), Condition.FORBIDDEN);
        assertError(() -> engine.mam().handle("carol@acme.test/x", BOB, true, query(List.of())), Condition.FORBIDDEN);
    }

    @Test
    void roomArchiveIsReadAtTheRoomByItsParticipantsOnly() throws Exception {
        MamAnswer a = engine.mam().handle(ALICE + "/phone", ROOM, true, query(List.of()));
        assertThat(bodies(a)).containsExactly("hello room");
        assertError(() -> engine.mam().handle(BOB + "/pc", ROOM, true, query(List.of())), Condition.FORBIDDEN);
    }

    static MamAnswer search(String text) throws MamError {
        return engine.mam().handle(BOB + "/pc", null, true, query(List.of(field(MamQueryParser.FULLTEXT_FIELD, text)),
                el("max", "100")));
    }

    interface Call {
        void run() throws Exception;
    }

    static void assertError(Call c, Condition condition) {
        assertThatThrownBy(c::run).isInstanceOfSatisfying(MamError.class, e -> assertThat(e.condition()).isEqualTo(condition));
    }
}
