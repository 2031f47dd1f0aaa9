package net.bluemind.xmpp.archive.es;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.TotalHits;
import co.elastic.clients.elasticsearch.core.search.TotalHitsRelation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import net.bluemind.xmpp.archive.ArchiveId;
import net.bluemind.xmpp.archive.ArchivedMessage;
import net.bluemind.xmpp.archive.query.ArchivePage;
import net.bluemind.xmpp.archive.query.ArchiveQuery;
import net.bluemind.xmpp.archive.query.ArchiveSearch;
import net.bluemind.xmpp.archive.query.ArchiveUnavailableException;
import net.bluemind.xmpp.archive.query.Cursor;
import net.bluemind.xmpp.archive.query.UnknownCursorException;

/**
 * Archive reads through the read alias, each page as {@link PagePlan} decides (order, size, how far to count),
 * continued with {@code search_after} from the cursor's sort values (decoded from the archive id, after checking the
 * message is in this archive), never with offsets. A newest-first page is first looked for in recent windows
 * ({@link NewestFirstWindows}).
 */
public final class EsArchiveSearch implements ArchiveSearch {

    private final ElasticsearchClient es;
    private final IndexNames names;
    private final LongSupplier clock;

    public EsArchiveSearch(ElasticsearchClient es, IndexNames names) {
        this(es, names, System::currentTimeMillis);
    }

    /** @param clock now in epoch ms: where the last page's windows end */
    public EsArchiveSearch(ElasticsearchClient es, IndexNames names, LongSupplier clock) {
        this.es = es;
        this.names = names;
        this.clock = clock;
    }

    @Override
    public ArchivePage find(ArchiveQuery q) throws UnknownCursorException, ArchiveUnavailableException {
        Cursor c = q.cursor();
        List<FieldValue> after = null;
        Long cursorTime = null;
        if (c instanceof Cursor.After a) {
            after = position(q, a.id());
        } else if (c instanceof Cursor.Before b) {
            after = position(q, b.id());
            cursorTime = after.get(0).longValue();
        }
        PagePlan plan = PagePlan.of(q);
        if (plan.newestFirst() && plan.size() > 0) {
            long upper = NewestFirstWindows.upper(clock.getAsLong(), cursorTime, q.end());
            for (long lower : NewestFirstWindows.lowerBounds(upper, q.start(),
                    q.text() != null && !q.text().isBlank())) {
                List<ArchivedMessage> hits = hits(search(q.from(lower), after));
                if (hits.size() == plan.size()) {
                    // a full page and one more within the window: the page; the window's total is not the query's
                    return page(q, plan, hits, OptionalLong.empty());
                }
            }
        }
        SearchResponse<ArchivedMessage> r = search(q, after);
        TotalHits total = r.hits().total();
        OptionalLong count = total == null ? OptionalLong.empty()
                : PagePlan.count(total.value(), total.relation() == TotalHitsRelation.Eq);
        return page(q, plan, hits(r), count);
    }

    private SearchResponse<ArchivedMessage> search(ArchiveQuery q, List<FieldValue> after) throws ArchiveUnavailableException {
        try {
            return es.search(EsPageRequest.of(names.readAlias(), q, after), ArchivedMessage.class);
        } catch (IOException | RuntimeException e) {
            throw new ArchiveUnavailableException("archive search failed: " + e.getMessage(), e);
        }
    }

    private static List<ArchivedMessage> hits(SearchResponse<ArchivedMessage> r) {
        List<ArchivedMessage> hits = new ArrayList<>(r.hits().hits().size());
        for (Hit<ArchivedMessage> h : r.hits().hits()) {
            hits.add(h.source());
        }
        return hits;
    }

    /** The page from the hits in search order: at most {@code max}, oldest first. */
    private static ArchivePage page(ArchiveQuery q, PagePlan plan, List<ArchivedMessage> hits, OptionalLong count) {
        boolean complete = hits.size() <= q.max();
        List<ArchivedMessage> page = new ArrayList<>(complete ? hits : hits.subList(0, q.max()));
        if (plan.newestFirst()) {
            Collections.reverse(page);
        }
        return new ArchivePage(page, count, complete);
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
