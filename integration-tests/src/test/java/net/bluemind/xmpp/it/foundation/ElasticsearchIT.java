package net.bluemind.xmpp.it.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.indices.GetMappingResponse;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import net.bluemind.xmpp.testkit.services.ElasticsearchService;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tests' Elasticsearch is a real one: an index is created with a mapping, written and searched. */
class ElasticsearchIT {

    record Doc(String id, long timecreate, String from, String to, String message) {
    }

    private static RestClient rest;
    private static ElasticsearchClient es;

    @BeforeAll
    static void connect() {
        URI url = ElasticsearchService.ensureStarted();
        rest = RestClient.builder(new HttpHost(url.getHost(), url.getPort(), url.getScheme())).build();
        es = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
    }

    @AfterAll
    static void close() throws Exception {
        rest.close();
    }

    @Test
    void indexWithMappingIsCreatedWrittenAndSearched() throws Exception {
        String index = "bmx-it-" + UUID.randomUUID();
        try {
            es.indices().create(c -> c.index(index).mappings(m -> m
                    .properties("id", p -> p.keyword(k -> k))
                    .properties("timecreate", p -> p.long_(l -> l))
                    .properties("from", p -> p.keyword(k -> k))
                    .properties("to", p -> p.keyword(k -> k))
                    .properties("message", p -> p.text(t -> t))));

            GetMappingResponse mapping = es.indices().getMapping(g -> g.index(index));
            Map<String, Property> props = mapping.get(index).mappings().properties();
            assertThat(props.get("from").isKeyword()).isTrue();
            assertThat(props.get("timecreate").isLong()).isTrue();
            assertThat(props.get("message").isText()).isTrue();

            es.index(i -> i.index(index).id("m1").document(
                    new Doc("m1", 1_700_000_000_000L, "alice@acme.test", "bob@acme.test", "hello from the real ES")));
            es.index(i -> i.index(index).id("m2").refresh(Refresh.True).document(
                    new Doc("m2", 1_700_000_001_000L, "carol@acme.test", "bob@acme.test", "unrelated")));

            SearchResponse<Doc> byConversation = es.search(s -> s.index(index).query(q -> q.bool(b -> b
                    .filter(f -> f.term(t -> t.field("from").value("alice@acme.test")))
                    .filter(f -> f.term(t -> t.field("to").value("bob@acme.test"))))), Doc.class);
            assertThat(byConversation.hits().hits()).singleElement()
                    .satisfies(h -> assertThat(h.source().message()).isEqualTo("hello from the real ES"));

            SearchResponse<Doc> fullText = es.search(s -> s.index(index)
                    .query(q -> q.match(m -> m.field("message").query("real"))), Doc.class);
            assertThat(fullText.hits().hits()).extracting(h -> h.id()).containsExactly("m1");

            // a keyword field is not analysed: a partial address finds nothing
            SearchResponse<Doc> partial = es.search(s -> s.index(index)
                    .query(q -> q.term(t -> t.field("from").value("alice"))), Doc.class);
            assertThat(partial.hits().hits()).isEmpty();
        } finally {
            es.indices().delete(d -> d.index(index).ignoreUnavailable(true));
        }
    }
}
