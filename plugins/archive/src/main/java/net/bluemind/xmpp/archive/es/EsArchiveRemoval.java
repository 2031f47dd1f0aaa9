package net.bluemind.xmpp.archive.es;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import net.bluemind.xmpp.archive.ArchivedMessage;
import net.bluemind.xmpp.archive.query.ArchiveRemoval;
import net.bluemind.xmpp.archive.query.ArchiveUnavailableException;

/**
 * Erase and retention with plain search + {@code _bulk} (pages of {@value #PAGE} walked with
 * {@code search_after}), so they work on any Elasticsearch, including one without the reindex module that
 * {@code _delete_by_query} needs. Deletes and updates go to the concrete index each hit came from.
 */
public final class EsArchiveRemoval implements ArchiveRemoval {

    static final int PAGE = 1000;

    private final ElasticsearchClient es;
    private final IndexNames names;

    public EsArchiveRemoval(ElasticsearchClient es, IndexNames names) {
        this.es = es;
        this.names = names;
    }

    @Override
    public long eraseOwner(String owner) throws ArchiveUnavailableException {
        return forEachPage(EsQueries.owner(owner), (hit, bulk) -> {
            List<String> left = hit.source().owners().stream().filter(o -> !o.equals(owner)).toList();
            if (left.isEmpty()) {
                bulk.operations(op -> op.delete(d -> d.index(hit.index()).id(hit.id())));
            } else {
                bulk.operations(op -> op.update(u -> u.index(hit.index()).id(hit.id())
                        .action(a -> a.doc(Map.of("owners", left)))));
            }
        });
    }

    @Override
    public long purgeBefore(long epochMillis) throws ArchiveUnavailableException {
        Query older = Query.of(b -> b.range(r -> r.number(n -> n.field("timecreate").lt((double) epochMillis))));
        return forEachPage(older, (hit, bulk) -> bulk.operations(op -> op.delete(d -> d.index(hit.index()).id(hit.id()))));
    }

    private long forEachPage(Query query, BiConsumer<Hit<ArchivedMessage>, BulkRequest.Builder> action)
            throws ArchiveUnavailableException {
        long changed = 0;
        List<FieldValue> after = null;
        try {
            while (true) {
                List<FieldValue> from = after;
                SearchResponse<ArchivedMessage> page = es.search(s -> {
                    s.index(names.readAlias()).query(query).size(PAGE)
                            .sort(o -> o.field(f -> f.field("timecreate").order(SortOrder.Asc)))
                            .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)));
                    return from == null ? s : s.searchAfter(from);
                }, ArchivedMessage.class);
                List<Hit<ArchivedMessage>> hits = page.hits().hits();
                if (hits.isEmpty()) {
                    break;
                }
                BulkRequest.Builder bulk = new BulkRequest.Builder();
                hits.forEach(h -> action.accept(h, bulk));
                BulkResponse r = es.bulk(bulk.build());
                changed += r.items().stream().filter(i -> i.error() == null).count();
                if (r.errors()) {
                    throw new ArchiveUnavailableException("some archive documents could not be changed: "
                            + r.items().stream().filter(i -> i.error() != null).findFirst().map(i -> i.error().reason())
                                    .orElse("?"), null);
                }
                after = hits.get(hits.size() - 1).sort();
                if (hits.size() < PAGE) {
                    break;
                }
            }
            es.indices().refresh(r -> r.index(names.readAlias()));
        } catch (IOException | RuntimeException e) {
            throw new ArchiveUnavailableException("archive removal failed: " + e.getMessage(), e);
        }
        return changed;
    }
}
