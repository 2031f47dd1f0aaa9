package net.bluemind.xmpp.archive.es;

import java.util.OptionalLong;
import net.bluemind.xmpp.archive.query.ArchiveQuery;
import net.bluemind.xmpp.archive.query.Cursor;

/**
 * How one MAM page is asked of Elasticsearch, decided from the neutral query alone.
 * <ul>
 * <li>Order: {@code timecreate} then {@code id} (the tiebreaker: unique, so a page boundary is never ambiguous),
 * newest first for {@code <before/>} pages, oldest first otherwise; continued with {@code search_after}, never
 * offsets, so pages are stable and complete while messages arrive.</li>
 * <li>Size: one hit more than the page, to know whether it is the last one; none for a count-only query
 * ({@code max = 0}).</li>
 * <li>Counting: an exact total forbids Elasticsearch's early termination (with {@code track_total_hits: true} it
 * visits every match of a million-message archive for each page). A page counts matches only up to
 * {@link #COUNT_UP_TO}, after which Elasticsearch skips whatever cannot enter the page (points of
 * {@code timecreate}); a count-only query counts exactly, since the count is all it asks.</li>
 * </ul>
 *
 * @param newestFirst  sort descending (the page is reversed to oldest first afterwards)
 * @param size         hits to fetch
 * @param countUpTo    {@code track_total_hits}: matches counted up to this many, or {@link #EXACT}
 */
record PagePlan(boolean newestFirst, int size, int countUpTo) {

    /** Pages count matches up to this many: exact for most conversations, cheap for the largest. */
    static final int COUNT_UP_TO = 1000;
    /** {@link #countUpTo()} for an exact count. */
    static final int EXACT = Integer.MAX_VALUE;

    static PagePlan of(ArchiveQuery q) {
        Cursor c = q.cursor();
        boolean newestFirst = c instanceof Cursor.Before || c instanceof Cursor.Last;
        if (q.max() == 0) {
            return new PagePlan(newestFirst, 0, EXACT);
        }
        return new PagePlan(newestFirst, q.max() + 1, COUNT_UP_TO);
    }

    boolean exactCount() {
        return countUpTo == EXACT;
    }

    /**
     * The RSM {@code <count/>} to answer from what Elasticsearch reported: its total when it is exact
     * ({@code relation: eq}), none when it is only a lower bound (XEP-0059 2.7: the count may be omitted when a
     * reasonably accurate value would be exceptionally costly; the bound is no such value).
     */
    static OptionalLong count(long total, boolean totalIsExact) {
        return totalIsExact ? OptionalLong.of(total) : OptionalLong.empty();
    }
}
