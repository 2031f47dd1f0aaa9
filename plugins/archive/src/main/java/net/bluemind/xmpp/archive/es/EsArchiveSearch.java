package net.bluemind.xmpp.archive.es;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import net.bluemind.xmpp.archive.ArchiveId;
import net.bluemind.xmpp.archive.ArchivedMessage;
import net.bluemind.xmpp.archive.query.ArchivePage;
import net.bluemind.xmpp.archive.query.ArchiveQuery;
import net.bluemind.xmpp.archive.query.ArchiveSearch;
import net.bluemind.xmpp.archive.query.ArchiveUnavailableException;
import net.bluemind.xmpp.archive.query.Cursor;
import net.bluemind.xmpp.archive.query.UnknownCursorException;

/**
 * Archive reads through the read alias. Pages are stable: sorted by {@code timecreate} then {@code id}, and
 * continued with {@code search_after} from the cursor's sort values (decoded from the archive id), never with
 * offsets. One extra hit is fetched to know whether the page is the last one.
 */
public final class EsArchiveSearch implements ArchiveSearch {

    private final ElasticsearchClient es;
    private final IndexNames names;

    public EsArchiveSearch(ElasticsearchClient es, IndexNames names) {
        this.es = es;
        this.names = names;
    }

    @Override
    public ArchivePage find(ArchiveQuery q) throws UnknownCursorException, ArchiveUnavailableException {
        Query query = EsQueries.of(q);
        Cursor c = q.cursor();
        boolean backwards = c instanceof Cursor.Before || c instanceof Cursor.Last;
        List<FieldValue> after = null;
        if (c instanceof Cursor.After a) {
            after = position(q, a.id());
        } else if (c instanceof Cursor.Before b) {
            after = position(q, b.id());
        }
        SortOrder order = backwards ? SortOrder.Desc : SortOrder.Asc;
        SearchRequest.Builder req = new SearchRequest.Builder().index(names.readAlias()).query(query)
                .size(q.max() == 0 ? 0 : q.max() + 1).trackTotalHits(t -> t.enabled(true))
                .sort(s -> s.field(f -> f.field("timecreate").order(order)))
                .sort(s -> s.field(f -> f.field("id").order(order)));
        if (after != null) {
            req.searchAfter(after);
        }
        SearchResponse<ArchivedMessage> r;
        try {
            r = es.search(req.build(), ArchivedMessage.class);
        } catch (IOException | RuntimeException e) {
            throw new ArchiveUnavailableException("archive search failed: " + e.getMessage(), e);
        }
        List<ArchivedMessage> hits = new ArrayList<>();
        for (Hit<ArchivedMessage> h : r.hits().hits()) {
            hits.add(h.source());
        }
        boolean complete = hits.size() <= q.max();
        if (!complete) {
            hits = hits.subList(0, q.max());
        }
        if (backwards) {
            hits = new ArrayList<>(hits);
            Collections.reverse(hits);
        }
        long count = r.hits().total() == null ? hits.size() : r.hits().total().value();
        return new ArchivePage(hits, count, complete);
    }

    /** The sort values of the message a cursor names, after checking it is in this archive. */
    private List<FieldValue> position(ArchiveQuery q, String id) throws UnknownCursorException, ArchiveUnavailableException {
        OptionalLong time = ArchiveId.timeOf(id);
        if (time.isEmpty()) {
            throw new UnknownCursorException(id);
        }
        long found;
        try {
            found = es.count(c -> c.index(names.readAlias()).query(b -> b.bool(x -> x
                    .filter(EsQueries.owner(q.owner())).filter(EsQueries.id(id))))).count();
        } catch (IOException | RuntimeException e) {
            throw new ArchiveUnavailableException("archive search failed: " + e.getMessage(), e);
        }
        if (found == 0) {
            throw new UnknownCursorException(id);
        }
        return List.of(FieldValue.of(time.getAsLong()), FieldValue.of(id));
    }

    @Override
    public boolean hasSentTo(String user, String room) throws ArchiveUnavailableException {
        try {
            return es.count(c -> c.index(names.readAlias()).query(EsQueries.sentTo(user, room))).count() > 0;
        } catch (IOException | RuntimeException e) {
            throw new ArchiveUnavailableException("archive search failed: " + e.getMessage(), e);
        }
    }
}
