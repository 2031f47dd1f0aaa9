package net.bluemind.xmpp.archive.es;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which recent windows a newest-first page tries before its whole range. */
class NewestFirstWindowsTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final long DAY = 86_400_000L;

    @Test
    void noStartTriesTheLastDayThenTheLastMonth() {
        assertThat(NewestFirstWindows.lowerBounds(NOW, null, false)).containsExactly(NOW - DAY, NOW - 32 * DAY);
    }

    @Test
    void aStartWithinTheMonthKeepsOnlyTheDay() {
        assertThat(NewestFirstWindows.lowerBounds(NOW, NOW - 10 * DAY, false)).containsExactly(NOW - DAY);
    }

    @Test
    void aStartWithinTheDayNeedsNoWindow() {
        assertThat(NewestFirstWindows.lowerBounds(NOW, NOW - DAY, false)).isEmpty();
        assertThat(NewestFirstWindows.lowerBounds(NOW, NOW - 1000, false)).isEmpty();
    }

    @Test
    void anOldStartKeepsBothWindows() {
        assertThat(NewestFirstWindows.lowerBounds(NOW, 0L, false)).containsExactly(NOW - DAY, NOW - 32 * DAY);
    }

    @Test
    void fullTextGetsNoWindow() {
        assertThat(NewestFirstWindows.lowerBounds(NOW, null, true)).isEmpty();
    }

    @Test
    void theLastPageEndsNowOrAtTheQuerysEnd() {
        assertThat(NewestFirstWindows.upper(NOW, null, null)).isEqualTo(NOW);
        assertThat(NewestFirstWindows.upper(NOW, null, NOW - DAY)).isEqualTo(NOW - DAY);
        assertThat(NewestFirstWindows.upper(NOW, null, NOW + DAY)).isEqualTo(NOW);
    }

    @Test
    void aPageBeforeAMessageEndsAtItsTime() {
        assertThat(NewestFirstWindows.upper(NOW, NOW - 5 * DAY, null)).isEqualTo(NOW - 5 * DAY);
        assertThat(NewestFirstWindows.upper(NOW, NOW - 5 * DAY, NOW - 6 * DAY)).isEqualTo(NOW - 6 * DAY);
    }
}
