package net.bluemind.xmpp.archive.es;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import java.util.List;
import net.bluemind.xmpp.archive.query.ArchiveQuery;

/** The Elasticsearch search of one archive page, as {@link PagePlan} decides it. */
public final class EsPageRequest {

    private EsPageRequest() {
    }

    /**
     * @param index  the index or alias searched
     * @param after  the sort values of the cursor's message ({@code search_after}), or null
     */
    public static SearchRequest of(String index, ArchiveQuery q, List<FieldValue> after) {
        PagePlan plan = PagePlan.of(q);
        SortOrder order = plan.newestFirst() ? SortOrder.Desc : SortOrder.Asc;
        SearchRequest.Builder req = new SearchRequest.Builder().index(index).query(EsQueries.of(q)).size(plan.size())
                .trackTotalHits(t -> plan.exactCount() ? t.enabled(true) : t.count(plan.countUpTo()))
                .sort(s -> s.field(f -> f.field("timecreate").order(order)))
                .sort(s -> s.field(f -> f.field("id").order(order)));
        if (after != null) {
            req.searchAfter(after);
        }
        return req.build();
    }
}
