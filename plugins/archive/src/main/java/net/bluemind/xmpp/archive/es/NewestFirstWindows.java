package net.bluemind.xmpp.archive.es;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a newest-first page (the last page, {@code <before/>} a message) is looked for first. Elasticsearch walks a
 * segment in the order documents were written, which for an archive is oldest first: a search sorted newest first
 * finds every next document better than the ones it holds, so it cannot skip any and visits the whole archive of its
 * owner (a million messages: about 90 ms on two cores, whether or not it counts them). Oldest-first pages stop at
 * once. So a newest-first page is first asked within a recent window ending at its upper end (now, the cursor's time,
 * the query's {@code end}): the last day, then the last {@value #WIDE_DAYS} days; the first window that fills the
 * page (one hit more than the page) answers it, and only when none does is the whole range searched. A busy archive
 * is answered from the last day; a quiet one pays up to two small searches more, each cheap because its owner has
 * few messages. A full-text query gets no window: its words, not the archive's size, bound what it visits (a word in
 * one message of a thousand: 1,000 matches in a million), and a window would rarely fill its page.
 */
final class NewestFirstWindows {

    static final long NARROW = Duration.ofDays(1).toMillis();
    static final int WIDE_DAYS = 32;
    static final long WIDE = Duration.ofDays(WIDE_DAYS).toMillis();

    private NewestFirstWindows() {
    }

    /**
     * The lower bounds ({@code timecreate >=}) to try, narrowest first, before the query's own range; none when
     * the query's own start is already within the window.
     *
     * @param upper    the newest time the page can hold (now, or the cursor's time, or the query's end)
     * @param start    the query's own lower bound, or null
     * @param fullText whether the query has full-text words
     */
    static List<Long> lowerBounds(long upper, Long start, boolean fullText) {
        List<Long> out = new ArrayList<>(2);
        if (fullText) {
            return out;
        }
        for (long width : new long[] {NARROW, WIDE}) {
            long lower = upper - width;
            if (start == null || lower > start) {
                out.add(lower);
            }
        }
        return out;
    }

    /** The newest time a newest-first page can hold. */
    static long upper(long now, Long cursorTime, Long end) {
        long u = cursorTime != null ? cursorTime : now;
        return end != null ? Math.min(u, end) : u;
    }
}
