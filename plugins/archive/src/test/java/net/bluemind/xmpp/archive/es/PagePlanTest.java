package net.bluemind.xmpp.archive.es;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import net.bluemind.xmpp.archive.query.ArchiveQuery;
import net.bluemind.xmpp.archive.query.Cursor;
import org.junit.jupiter.api.Test;

/** Each MAM page shape, and what it asks of Elasticsearch. */
class PagePlanTest {

    private static PagePlan plan(Cursor c, int max) {
        return PagePlan.of(new ArchiveQuery("bob@acme.test", null, null, null, null, c, max));
    }

    @Test
    void firstPageIsOldestFirstOneExtraHitCountedOnlyUpToTheLimit() {
        assertThat(plan(new Cursor.First(), 50)).isEqualTo(new PagePlan(false, 51, PagePlan.COUNT_UP_TO));
    }

    @Test
    void afterAPageIsOldestFirst() {
        assertThat(plan(new Cursor.After("x"), 10)).isEqualTo(new PagePlan(false, 11, PagePlan.COUNT_UP_TO));
    }

    @Test
    void lastPageIsNewestFirst() {
        assertThat(plan(new Cursor.Last(), 50)).isEqualTo(new PagePlan(true, 51, PagePlan.COUNT_UP_TO));
    }

    @Test
    void beforeAPageIsNewestFirst() {
        assertThat(plan(new Cursor.Before("x"), 5)).isEqualTo(new PagePlan(true, 6, PagePlan.COUNT_UP_TO));
    }

    @Test
    void countOnlyFetchesNothingAndCountsExactly() {
        PagePlan p = plan(new Cursor.First(), 0);
        assertThat(p.size()).isZero();
        assertThat(p.exactCount()).isTrue();
        assertThat(plan(new Cursor.Last(), 0).exactCount()).isTrue();
    }

    @Test
    void pagesNeverCountExactly() {
        assertThat(plan(new Cursor.First(), 1).exactCount()).isFalse();
        assertThat(PagePlan.COUNT_UP_TO).isLessThan(PagePlan.EXACT);
    }

    @Test
    void anExactTotalIsTheCount() {
        assertThat(PagePlan.count(31, true)).hasValue(31);
        assertThat(PagePlan.count(0, true)).hasValue(0);
    }

    @Test
    void aLowerBoundIsNoCount() {
        assertThat(PagePlan.count(1000, false)).isEqualTo(OptionalLong.empty());
    }
}
