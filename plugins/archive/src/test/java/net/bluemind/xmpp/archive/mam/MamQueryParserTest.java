package net.bluemind.xmpp.archive.mam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.bluemind.xmpp.archive.mam.MamError.Condition;
import net.bluemind.xmpp.archive.query.Cursor;
import org.junit.jupiter.api.Test;

class MamQueryParserTest {

    static XmlElement field(String var, String value) {
        XmlElement f = XmlElement.of("field", null).withAttribute("var", var);
        return value == null ? f : f.withChild(XmlElement.of("value", null).withText(value));
    }

    static XmlElement query(XmlElement... fields) {
        XmlElement x = XmlElement.of("x", MamQueryParser.DATA).withAttribute("type", "submit")
                .withChild(field("FORM_TYPE", MamQueryParser.MAM));
        for (XmlElement f : fields) {
            x = x.withChild(f);
        }
        return XmlElement.of("query", MamQueryParser.MAM).withAttribute("queryid", "q1").withChild(x);
    }

    static XmlElement withSet(XmlElement query, XmlElement... children) {
        XmlElement set = XmlElement.of("set", MamQueryParser.RSM);
        for (XmlElement c : children) {
            set = set.withChild(c);
        }
        return query.withChild(set);
    }

    static XmlElement el(String name, String text) {
        return XmlElement.of(name, null).withText(text);
    }

    @Test
    void emptyQueryIsTheWholeArchiveFromTheStart() throws Exception {
        MamRequest r = MamQueryParser.parse(XmlElement.of("query", MamQueryParser.MAM));
        assertThat(r).isEqualTo(new MamRequest(null, null, null, null, null, new Cursor.First(), null));
    }

    @Test
    void formFieldsAreRead() throws Exception {
        MamRequest r = MamQueryParser.parse(query(field("with", "Bob@acme.test/pc"), field("start", "2024-01-01T00:00:00Z"),
                field("end", "2024-01-01T02:00:00.500+02:00"), field(MamQueryParser.FULLTEXT_FIELD, "hello world")));
        assertThat(r.queryId()).isEqualTo("q1");
        assertThat(r.with()).isEqualTo("bob@acme.test");
        assertThat(r.start()).isEqualTo(1_704_067_200_000L);
        assertThat(r.end()).isEqualTo(1_704_067_200_500L);
        assertThat(r.text()).isEqualTo("hello world");
    }

    @Test
    void withtextAndSearchAreFullTextAliases() throws Exception {
        assertThat(MamQueryParser.parse(query(field("withtext", "a b"))).text()).isEqualTo("a b");
        assertThat(MamQueryParser.parse(query(field("search", "c"))).text()).isEqualTo("c");
    }

    @Test
    void rsmCursorsAndMax() throws Exception {
        assertThat(MamQueryParser.parse(withSet(query(), el("max", "10"), el("after", "abc"))))
                .satisfies(r -> {
                    assertThat(r.max()).isEqualTo(10);
                    assertThat(r.cursor()).isEqualTo(new Cursor.After("abc"));
                });
        assertThat(MamQueryParser.parse(withSet(query(), el("before", "xyz"))).cursor()).isEqualTo(new Cursor.Before("xyz"));
        assertThat(MamQueryParser.parse(withSet(query(), el("before", null))).cursor()).isEqualTo(new Cursor.Last());
        assertThat(MamQueryParser.parse(withSet(query(), el("max", "0"))).max()).isZero();
    }

    @Test
    void badInputIsABadRequestNamingTheProblem() {
        assertError(query(field("start", "yesterday")), Condition.BAD_REQUEST, "'start'");
        assertError(query(field("end", "2024-01-01T00:00:00")), Condition.BAD_REQUEST, "'end'");
        assertError(query(field("with", "not a jid")), Condition.BAD_REQUEST, "'with'");
        assertError(query(field("color", "blue")), Condition.BAD_REQUEST, "'color'");
        assertError(query(field("FORM_TYPE", "urn:xmpp:mam:1")), Condition.BAD_REQUEST, "FORM_TYPE");
        assertError(withSet(query(), el("max", "-1")), Condition.BAD_REQUEST, "max");
        assertError(withSet(query(), el("max", "ten")), Condition.BAD_REQUEST, "max");
        assertError(withSet(query(), el("after", "")), Condition.BAD_REQUEST, "after");
        assertError(withSet(query(), el("after", "a"), el("before", "b")), Condition.BAD_REQUEST, "together");
        assertError(withSet(query(), el("index", "3")), Condition.FEATURE_NOT_IMPLEMENTED, "index");
        assertError(XmlElement.of("query", "urn:xmpp:mam:1"), Condition.BAD_REQUEST, "mam:2");
        assertError(XmlElement.of("query", MamQueryParser.MAM).withAttribute("node", "n"), Condition.FEATURE_NOT_IMPLEMENTED, "pubsub");
    }

    private static void assertError(XmlElement q, Condition c, String mentions) {
        assertThatThrownBy(() -> MamQueryParser.parse(q)).isInstanceOf(MamError.class)
                .satisfies(e -> assertThat(((MamError) e).condition()).isEqualTo(c))
                .hasMessageContaining(mentions);
    }
}
