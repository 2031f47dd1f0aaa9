package net.bluemind.xmpp.archive.es;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.bluemind.xmpp.archive.query.ArchiveQuery;
import net.bluemind.xmpp.archive.query.Cursor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EsQueriesTest {

    private static JsonNode json(Query q) throws Exception {
        StringBuilder sb = new StringBuilder();
        JsonpUtils.toString(q, new JacksonJsonpMapper(), sb);
        return new ObjectMapper().readTree(sb.toString());
    }

    @Test
    void ownerWithRangeAndTextAreFilters() throws Exception {
        JsonNode q = json(EsQueries.of(new ArchiveQuery("bob@acme.test", "alice@acme.test", 10L, 20L, "hello", new Cursor.First(), 5)));
        JsonNode filters = q.at("/bool/filter");
        assertThat(filters.toString()).contains("{\"term\":{\"owners\":{\"value\":\"bob@acme.test\"}}}")
                .contains("\"from\":{\"value\":\"alice@acme.test\"}").contains("\"to\":{\"value\":\"alice@acme.test\"}")
                .contains("\"gte\":10").contains("\"lte\":20");
        assertThat(q.at("/bool/must/0/match/message/query").asText()).isEqualTo("hello");
        assertThat(q.at("/bool/must/0/match/message/operator").asText()).isEqualToIgnoringCase("and");
    }

    @Test
    void noTextNoMust() throws Exception {
        JsonNode q = json(EsQueries.of(new ArchiveQuery("bob@acme.test", null, null, null, "  ", new Cursor.First(), 5)));
        assertThat(q.at("/bool/must").size()).isZero();
        assertThat(q.at("/bool/filter").size()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "\"unbalanced", "AND OR NOT", "from:alice@acme.test", "\\", "(", "a)(b", "~1^2",
            "/regex/", "{\"query\":1}", "日本語 テキスト", "💬 emoji"})
    void userTextIsOnlyEverAMatchQueryString(String text) throws Exception {
        JsonNode q = json(EsQueries.of(new ArchiveQuery("bob@acme.test", null, null, null, text, new Cursor.First(), 5)));
        assertThat(q.at("/bool/must/0/match/message/query").asText()).isEqualTo(text);
        assertThat(q.toString()).doesNotContain("query_string").doesNotContain("simple_query_string")
                .doesNotContain("wildcard").doesNotContain("regexp");
    }

    @Test
    void veryLongTextIsCut() throws Exception {
        JsonNode q = json(EsQueries.of(new ArchiveQuery("b@acme.test", null, null, null, "x ".repeat(50_000), new Cursor.First(), 5)));
        assertThat(q.at("/bool/must/0/match/message/query").asText()).hasSize(EsQueries.MAX_TEXT);
    }

    @Test
    void mappingResourceDeclaresTheContractFields() {
        assertThat(ArchiveIndex.expectedTypes()).containsEntry("id", "keyword").containsEntry("timecreate", "long")
                .containsEntry("from", "keyword").containsEntry("to", "keyword").containsEntry("message", "text")
                .containsEntry("owners", "keyword");
    }
}
