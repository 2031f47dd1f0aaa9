package net.bluemind.xmpp.archive.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.bluemind.xmpp.archive.ArchivedMessage;
import org.junit.jupiter.api.Test;

class ReadYourWritesSearchTest {

    /** A store that indexes what it is told to, and records the order of calls. */
    static final class StoreLog implements ReadYourWritesSearch.Store {
        final Set<String> indexed = new HashSet<>();
        final List<String> calls = new ArrayList<>();
        int indexAfterChecks = -1;
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public synchronized Set<String> indexed(Collection<String> ids) {
            calls.add("indexed" + ids.size());
            if (checks.incrementAndGet() == indexAfterChecks) {
                indexed.addAll(ids);
            }
            Set<String> found = new HashSet<>(ids);
            found.retainAll(indexed);
            return found;
        }

        @Override
        public synchronized void refresh() {
            calls.add("refresh");
        }
    }

    private final StoreLog store = new StoreLog();
    private final List<String> searches = new ArrayList<>();
    private final ArchiveSearch delegate = new ArchiveSearch() {
        @Override
        public ArchivePage find(ArchiveQuery query) {
            searches.add(query.owner());
            store.calls.add("find");
            return new ArchivePage(List.of(), 0, true);
        }

        @Override
        public boolean hasSentTo(String user, String room) {
            return false;
        }
    };

    private static ArchivedMessage message(String id, String... owners) {
        return new ArchivedMessage(id, 1L, owners[0], owners[owners.length - 1], "b", List.of(owners), "chat", null, null);
    }

    private static ArchiveQuery query(String owner) {
        return new ArchiveQuery(owner, null, null, null, null, new Cursor.First(), 10);
    }

    @Test
    void aQueryWithNothingInFlightGoesStraightToTheStore() throws Exception {
        ReadYourWritesSearch s = new ReadYourWritesSearch(delegate, store, Duration.ofSeconds(1), Duration.ofMinutes(1), 100);
        s.captured(message("m1", "ana@a.test", "ben@a.test"));
        s.find(query("zoe@a.test"));
        assertThat(store.calls).containsExactly("find");
    }

    @Test
    void aQueryWaitsUntilItsOwnersCapturesAreIndexedThenRefreshesOnceAndSearches() throws Exception {
        ReadYourWritesSearch s = new ReadYourWritesSearch(delegate, store, Duration.ofSeconds(5), Duration.ofMinutes(1), 100);
        s.captured(message("m1", "ana@a.test", "ben@a.test"));
        s.captured(message("m2", "ana@a.test", "ben@a.test"));
        store.indexAfterChecks = 3;
        s.find(query("ben@a.test"));
        assertThat(store.calls).containsExactly("indexed2", "indexed2", "indexed2", "refresh", "find");
        assertThat(s.inFlight("ben@a.test")).isZero();
        assertThat(s.inFlight("ana@a.test")).as("ana's own query checks them once more").isEqualTo(2);

        store.calls.clear();
        s.find(query("ben@a.test"));
        assertThat(store.calls).as("nothing in flight any more").containsExactly("find");
    }

    @Test
    void aStoreThatNeverHasThemEndsTheWaitAtMaxWaitAndTheQueryStillRuns() throws Exception {
        ReadYourWritesSearch s = new ReadYourWritesSearch(delegate, store, Duration.ofMillis(200), Duration.ofMinutes(1), 100);
        s.captured(message("m1", "dev@conference.a.test"));
        long t0 = System.nanoTime();
        s.find(query("dev@conference.a.test"));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(ms).isBetween(150L, 3_000L);
        assertThat(store.calls).endsWith("refresh", "find");
        assertThat(searches).containsExactly("dev@conference.a.test");
        assertThat(s.inFlight("dev@conference.a.test")).as("still waited for by the next query").isEqualTo(1);
    }

    @Test
    void aStoreFailureIsTheQuerysFailure() {
        ReadYourWritesSearch.Store down = new ReadYourWritesSearch.Store() {
            @Override
            public Set<String> indexed(Collection<String> ids) throws ArchiveUnavailableException {
                throw new ArchiveUnavailableException("down", null);
            }

            @Override
            public void refresh() {
            }
        };
        ReadYourWritesSearch s = new ReadYourWritesSearch(delegate, down, Duration.ofSeconds(1), Duration.ofMinutes(1), 100);
        s.captured(message("m1", "ana@a.test"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.find(query("ana@a.test")))
                .isInstanceOf(ArchiveUnavailableException.class);
        assertThat(searches).isEmpty();
    }
}
