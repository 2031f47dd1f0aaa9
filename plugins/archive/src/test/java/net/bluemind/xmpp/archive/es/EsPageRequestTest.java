package net.bluemind.xmpp.archive.es;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import net.bluemind.xmpp.archive.query.ArchiveQuery;
import net.bluemind.xmpp.archive.query.Cursor;
import org.junit.jupiter.api.Test;

/** The search a page sends: order with its tiebreaker, search_after, and never an exact total for a page. */
class EsPageRequestTest {

    private static JsonNode json(SearchRequest r) throws Exception {
        StringBuilder sb = new StringBuilder();
        JsonpUtils.toString(r, new JacksonJsonpMapper(), sb);
        return new ObjectMapper().readTree(sb.toString());
    }

    private static ArchiveQuery q(Cursor c, int max) {
        return new ArchiveQuery("bob@acme.test", null, null, null, null, c, max);
    }

    @Test
    void lastPageIsNewestFirstWithTheIdTiebreakerAndABoundedCount() throws Exception {
        JsonNode r = json(EsPageRequest.of("im_read_alias", q(new Cursor.Last(), 50), null));
        assertThat(r.at("/size").asInt()).isEqualTo(51);
        assertThat(r.at("/track_total_hits").asInt()).isEqualTo(PagePlan.COUNT_UP_TO);
        assertThat(r.at("/sort").toString()).isEqualTo("[{\"timecreate\":{\"order\":\"desc\"}},{\"id\":{\"order\":\"desc\"}}]");
        assertThat(r.has("search_after")).isFalse();
    }

    @Test
    void afterACursorContinuesFromItsSortValues() throws Exception {
        JsonNode r = json(EsPageRequest.of("im_read_alias", q(new Cursor.After("x"), 10),
                List.of(FieldValue.of(65536L), FieldValue.of("x"))));
        assertThat(r.at("/sort/0/timecreate/order").asText()).isEqualTo("asc");
        assertThat(r.at("/search_after").toString()).isEqualTo("[65536,\"x\"]");
    }

    @Test
    void countOnlyCountsExactly() throws Exception {
        JsonNode r = json(EsPageRequest.of("im_read_alias", q(new Cursor.First(), 0), null));
        assertThat(r.at("/size").asInt()).isZero();
        assertThat(r.at("/track_total_hits").asBoolean()).isTrue();
    }
}
