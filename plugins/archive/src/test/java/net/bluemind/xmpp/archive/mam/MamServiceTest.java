package net.bluemind.xmpp.archive.mam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.bluemind.xmpp.archive.ArchivedMessage;
import net.bluemind.xmpp.archive.mam.MamError.Condition;
import net.bluemind.xmpp.archive.query.ArchivePage;
import net.bluemind.xmpp.archive.query.ArchiveQuery;
import net.bluemind.xmpp.archive.query.ArchiveSearch;
import net.bluemind.xmpp.archive.query.ArchiveUnavailableException;
import net.bluemind.xmpp.archive.query.UnknownCursorException;
import org.junit.jupiter.api.Test;

/** Authorization, paging limits and rendering; the real search is tested against Elasticsearch (ArchiveMamIT). */
class MamServiceTest {

    private final List<ArchiveQuery> asked = new ArrayList<>();
    private final ArchivedMessage m1 = new ArchivedMessage("0000000000010000000000000001", 65536, "alice@acme.test",
            "bob@acme.test", "hello <b>&", List.of("alice@acme.test", "bob@acme.test"), "chat", "th", "o1");
    private final ArchivedMessage g1 = new ArchivedMessage("0000000000020000000000000002", 131072, "alice@acme.test",
            "room@conference.acme.test", "to all", List.of("room@conference.acme.test"), "groupchat", null, null);

    private final ArchiveSearch search = new ArchiveSearch() {
        @Override
        public ArchivePage find(ArchiveQuery q) throws UnknownCursorException {
            asked.add(q);
            return q.owner().startsWith("room") ? new ArchivePage(List.of(g1), 1, true) : new ArchivePage(List.of(m1), 7, false);
        }

        @Override
        public boolean hasSentTo(String user, String room) throws ArchiveUnavailableException {
            if (room.startsWith("down")) {
                throw new ArchiveUnavailableException("down", null);
            }
            return user.equals("alice@acme.test");
        }
    };
    private final MamService mam = new MamService(search, new ParticipantMembership(search), Set.of("acme.test")::contains, 100);

    private static XmlElement query(int max) {
        return MamQueryParserTest.withSet(MamQueryParserTest.query(), MamQueryParserTest.el("max", Integer.toString(max)));
    }

    @Test
    void ownArchiveWithOrWithoutTo() throws Exception {
        mam.handle("bob@acme.test/pc", null, true, query(5));
        mam.handle("bob@acme.test/pc", "Bob@acme.test", true, query(5));
        assertThat(asked).extracting(ArchiveQuery::owner).containsExactly("bob@acme.test", "bob@acme.test");
    }

    @Test
    void someoneElsesArchiveIsForbidden() {
        assertThatThrownBy(() -> mam.handle("bob@acme.test/pc", "alice@acme.test", true, query(5)))
                .isInstanceOfSatisfying(MamError.class, e -> assertThat(e.condition()).isEqualTo(Condition.FORBIDDEN));
        assertThat(asked).isEmpty();
    }

    @Test
    void roomArchiveOnlyForItsParticipants() throws Exception {
        MamAnswer a = mam.handle("alice@acme.test/a", "room@conference.acme.test", true, query(5));
        assertThat(a.messages()).hasSize(1);
        XmlElement fwd = a.messages().get(0).child("result", MamQueryParser.MAM).orElseThrow()
                .child("forwarded", MamRenderer.FORWARD).orElseThrow().child("message", "jabber:client").orElseThrow();
        assertThat(fwd.attribute("from")).isEqualTo("room@conference.acme.test/alice");
        assertThat(fwd.child("x", MamRenderer.MUC_USER).orElseThrow().children("item").get(0).attribute("jid"))
                .isEqualTo("alice@acme.test");
        assertThatThrownBy(() -> mam.handle("bob@acme.test/pc", "room@conference.acme.test", true, query(5)))
                .isInstanceOfSatisfying(MamError.class, e -> assertThat(e.condition()).isEqualTo(Condition.FORBIDDEN));
        assertThatThrownBy(() -> mam.handle("alice@acme.test/a", "down@conference.acme.test", true, query(5)))
                .isInstanceOfSatisfying(MamError.class, e -> assertThat(e.condition()).isEqualTo(Condition.INTERNAL_SERVER_ERROR));
    }

    @Test
    void pageSizeIsCappedAndDefaulted() throws Exception {
        mam.handle("bob@acme.test/pc", null, true, query(100_000));
        mam.handle("bob@acme.test/pc", null, true, MamQueryParserTest.query());
        assertThat(asked).extracting(ArchiveQuery::max).containsExactly(100, MamService.DEFAULT_PAGE);
    }

    @Test
    void resultsAndFinAreRendered() throws Exception {
        MamAnswer a = mam.handle("bob@acme.test/pc", null, true, query(1));
        XmlElement msg = a.messages().get(0);
        assertThat(msg.attribute("to")).isEqualTo("bob@acme.test/pc");
        assertThat(msg.attribute("from")).isEqualTo("bob@acme.test");
        XmlElement result = msg.child("result", MamQueryParser.MAM).orElseThrow();
        assertThat(result.attribute("queryid")).isEqualTo("q1");
        assertThat(result.attribute("id")).isEqualTo(m1.id());
        XmlElement fwd = result.child("forwarded", MamRenderer.FORWARD).orElseThrow();
        assertThat(fwd.child("delay", MamRenderer.DELAY).orElseThrow().attribute("stamp")).isEqualTo("1970-01-01T00:01:05.536Z");
        XmlElement original = fwd.child("message", "jabber:client").orElseThrow();
        assertThat(original.attribute("id")).isEqualTo("o1");
        assertThat(original.child("body", "jabber:client").orElseThrow().text()).isEqualTo("hello <b>&");
        assertThat(original.child("thread", "jabber:client").orElseThrow().text()).isEqualTo("th");

        XmlElement fin = a.iqChild();
        assertThat(fin.name()).isEqualTo("fin");
        assertThat(fin.attribute("complete")).isNull();
        XmlElement set = fin.child("set", MamQueryParser.RSM).orElseThrow();
        assertThat(set.child("first", MamQueryParser.RSM).orElseThrow().text()).isEqualTo(m1.id());
        assertThat(set.child("last", MamQueryParser.RSM).orElseThrow().text()).isEqualTo(m1.id());
        assertThat(set.child("count", MamQueryParser.RSM).orElseThrow().text()).isEqualTo("7");
    }

    @Test
    void theOriginalMessageHasItsFullJidsWhenTheyWereArchived() throws Exception {
        // the interop suite's MamIntegrationTest.mamTest: from = the sender's full JID, as sent
        ArchivedMessage withResources = m1.withResources("phone", null);
        XmlElement original = MamRenderer.result(withResources, "bob@acme.test", "bob@acme.test/pc", "q1")
                .child("result", MamQueryParser.MAM).orElseThrow().child("forwarded", MamRenderer.FORWARD).orElseThrow()
                .child("message", "jabber:client").orElseThrow();
        assertThat(original.attribute("from")).isEqualTo("alice@acme.test/phone");
        assertThat(original.attribute("to")).isEqualTo("bob@acme.test");
        XmlElement old = MamRenderer.result(m1, "bob@acme.test", "bob@acme.test/pc", "q1")
                .child("result", MamQueryParser.MAM).orElseThrow().child("forwarded", MamRenderer.FORWARD).orElseThrow()
                .child("message", "jabber:client").orElseThrow();
        assertThat(old.attribute("from")).isEqualTo("alice@acme.test"); // archived before the resources were kept
    }

    @Test
    void noCountWhenTheStoreDidNotCountExactly() {
        XmlElement fin = MamRenderer.fin(new ArchivePage(List.of(m1), java.util.OptionalLong.empty(), false), "q1");
        XmlElement set = fin.child("set", MamQueryParser.RSM).orElseThrow();
        assertThat(set.child("count", MamQueryParser.RSM)).isEmpty();
        assertThat(set.child("first", MamQueryParser.RSM).orElseThrow().text()).isEqualTo(m1.id());
        assertThat(set.child("last", MamQueryParser.RSM).orElseThrow().text()).isEqualTo(m1.id());
    }

    @Test
    void getAnswersTheFormWithTheFullTextFields() throws Exception {
        XmlElement form = mam.handle("bob@acme.test/pc", null, false, XmlElement.of("query", MamQueryParser.MAM)).iqChild();
        assertThat(form.child("x", MamQueryParser.DATA).orElseThrow().children("field"))
                .extracting(f -> f.attribute("var"))
                .contains("with", "start", "end", MamQueryParser.FULLTEXT_FIELD, "withtext", "search");
    }
}
