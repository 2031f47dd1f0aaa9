package net.bluemind.xmpp.it.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.bluemind.xmpp.archive.ArchiveId;
import net.bluemind.xmpp.archive.ArchivedMessage;
import net.bluemind.xmpp.archive.es.ArchiveIndex;
import net.bluemind.xmpp.archive.es.EsBulkSink;
import net.bluemind.xmpp.archive.es.EsConnection;
import net.bluemind.xmpp.archive.es.IncompatibleMappingException;
import net.bluemind.xmpp.archive.es.IndexNames;
import net.bluemind.xmpp.archive.write.BulkOutcome;
import net.bluemind.xmpp.archive.write.EncodedMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Index, aliases and mapping management, and per-document bulk errors, on the real Elasticsearch. */
class ArchiveIndexIT {

    private EsConnection conn;
    private ElasticsearchClient es;
    private IndexNames names;

    @BeforeEach
    void setUp() {
        conn = ArchiveTestSupport.client(ArchiveTestSupport.es());
        es = conn.client();
        names = ArchiveTestSupport.freshNames();
    }

    @AfterEach
    void tearDown() {
        ArchiveTestSupport.drop(es, names);
        conn.close();
    }

    @Test
    void missingIndexIsCreatedWithMappingAndBothAliases() throws Exception {
        new ArchiveIndex(es, names).ensure();
        Map<String, Property> props = es.indices().getMapping(g -> g.index(names.readAlias())).get(names.index()).mappings().properties();
        assertThat(props.get("id").isKeyword()).isTrue();
        assertThat(props.get("timecreate").isLong()).isTrue();
        assertThat(props.get("from").isKeyword()).isTrue();
        assertThat(props.get("to").isKeyword()).isTrue();
        assertThat(props.get("message").isText()).isTrue();
        assertThat(props.get("owners").isKeyword()).isTrue();
        var aliases = es.indices().getAlias(a -> a.index(names.index())).get(names.index()).aliases();
        assertThat(aliases).containsKeys(names.writeAlias(), names.readAlias());
        assertThat(aliases.get(names.writeAlias()).isWriteIndex()).isTrue();
        new ArchiveIndex(es, names).ensure(); // idempotent
    }

    @Test
    void incompatibleMappingStopsWithAClearError() throws Exception {
        es.indices().create(c -> c.index(names.index()).mappings(m -> m
                .properties("id", p -> p.keyword(k -> k)).properties("timecreate", p -> p.long_(l -> l))
                .properties("from", p -> p.text(t -> t)).properties("to", p -> p.keyword(k -> k))
                .properties("message", p -> p.text(t -> t)))
                .aliases(names.writeAlias(), a -> a.isWriteIndex(true)).aliases(names.readAlias(), a -> a));
        assertThatThrownBy(() -> new ArchiveIndex(es, names).ensure()).isInstanceOf(IncompatibleMappingException.class)
                .hasMessageContaining(names.index()).hasMessageContaining("'from' is mapped as text, expected keyword");
    }

    @Test
    void anOlderIndexWithoutAliasesOrMamFieldsIsCompleted() throws Exception {
        es.indices().create(c -> c.index(names.index()).mappings(m -> m
                .properties("id", p -> p.keyword(k -> k)).properties("timecreate", p -> p.long_(l -> l))
                .properties("from", p -> p.keyword(k -> k)).properties("to", p -> p.keyword(k -> k))
                .properties("message", p -> p.text(t -> t))));
        new ArchiveIndex(es, names).ensure();
        Map<String, Property> props = es.indices().getMapping(g -> g.index(names.readAlias())).get(names.index()).mappings().properties();
        assertThat(props.get("owners").isKeyword()).isTrue();
        assertThat(es.indices().existsAlias(a -> a.name(names.writeAlias())).value()).isTrue();
    }

    @Test
    void aDocumentWithAMappingErrorIsRefusedAloneAndTheOthersAreStored() throws Exception {
        new ArchiveIndex(es, names).ensure();
        ArchiveId ids = new ArchiveId();
        EncodedMessage good = EncodedMessage.of(new ArchivedMessage(ids.next(1), 1, "a@acme.test", "b@acme.test", "fine",
                List.of("a@acme.test"), "chat", null, null));
        String badId = ids.next(2);
        EncodedMessage bad = new EncodedMessage(badId, ("{\"id\":\"" + badId + "\",\"timecreate\":\"not a number\","
                + "\"from\":\"a@acme.test\",\"to\":\"b@acme.test\",\"message\":\"x\",\"owners\":[\"a@acme.test\"],"
                + "\"type\":\"chat\"}").getBytes(StandardCharsets.UTF_8));
        EncodedMessage good2 = EncodedMessage.of(new ArchivedMessage(ids.next(3), 3, "a@acme.test", "b@acme.test", "fine too",
                List.of("a@acme.test"), "chat", null, null));
        BulkOutcome outcome = new EsBulkSink(conn.rest(), names).write(List.of(good, bad, good2));
        assertThat(outcome.retry()).isEmpty();
        assertThat(outcome.rejected()).singleElement().satisfies(r -> {
            assertThat(r.message().id()).isEqualTo(badId);
            assertThat(r.reason()).startsWith("400").contains("timecreate");
        });
        assertThat(es.exists(e -> e.index(names.readAlias()).id(good.id())).value()).isTrue();
        assertThat(es.exists(e -> e.index(names.readAlias()).id(good2.id())).value()).isTrue();
    }

    @Test
    void aVanishedAliasIsRetriedNotAutoCreated() throws Exception {
        ArchiveId ids = new ArchiveId();
        EncodedMessage m = EncodedMessage.of(new ArchivedMessage(ids.next(1), 1, "a@acme.test", "b@acme.test", "x",
                List.of("a@acme.test"), "chat", null, null));
        BulkOutcome outcome = new EsBulkSink(conn.rest(), names).write(List.of(m));
        assertThat(outcome.retry()).hasSize(1);
        assertThat(es.indices().exists(e -> e.index(names.writeAlias())).value()).isFalse();
    }
}
