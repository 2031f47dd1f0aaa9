package net.bluemind.xmpp.archive.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import net.bluemind.xmpp.archive.ArchivedMessage;

/**
 * Read-your-writes for MAM: a query sees every message captured for its archive before it was asked. Captures
 * travel through the spool and a bulk request before Elasticsearch has them, and an index refresh after that before
 * a search finds them; a client catching up through MAM right after a message (Conversations, Gajim) would miss
 * exactly the newest ones. So the ids captured for each owner are remembered until a query of that owner has seen
 * them indexed; such a query waits (bounded) until the store has them all, refreshes it once, then searches.
 * A query with nothing in flight for its owner costs nothing more. Owners with no query are forgotten after
 * {@code remember}; a store that is down ends the wait at {@code maxWait} and the query goes on as before.
 */
public final class ReadYourWritesSearch implements ArchiveSearch {

    /** What the wait needs from the store. */
    public interface Store {
        /** The ids among {@code ids} that the store has indexed (searchable after a refresh). */
        Set<String> indexed(Collection<String> ids) throws ArchiveUnavailableException;

        /** Makes everything indexed so far searchable. */
        void refresh() throws ArchiveUnavailableException;
    }

    private static final Logger LOG = Logger.getLogger(ReadYourWritesSearch.class.getName());
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final ArchiveSearch delegate;
    private final Store store;
    private final Duration maxWait;
    private final Cache<String, Set<String>> inFlight;

    public ReadYourWritesSearch(ArchiveSearch delegate, Store store, Duration maxWait, Duration remember, long maxOwners) {
        this.delegate = delegate;
        this.store = store;
        this.maxWait = maxWait;
        this.inFlight = Caffeine.newBuilder().expireAfterWrite(remember).maximumSize(maxOwners).build();
    }

    /** Called once a message is captured (on the message path: a few map operations, no I/O). */
    public void captured(ArchivedMessage m) {
        for (String owner : m.owners()) {
            inFlight.get(owner, k -> ConcurrentHashMap.newKeySet()).add(m.id());
        }
    }

    /** How many captured ids of {@code owner} a query would still wait for. */
    public int inFlight(String owner) {
        Set<String> ids = inFlight.getIfPresent(owner);
        return ids == null ? 0 : ids.size();
    }

    @Override
    public ArchivePage find(ArchiveQuery query) throws UnknownCursorException, ArchiveUnavailableException {
        awaitSearchable(query.owner());
        return delegate.find(query);
    }

    @Override
    public boolean hasSentTo(String user, String room) throws ArchiveUnavailableException {
        return delegate.hasSentTo(user, room);
    }

    private void awaitSearchable(String owner) throws ArchiveUnavailableException {
        Set<String> ids = inFlight.getIfPresent(owner);
        if (ids == null || ids.isEmpty()) {
            return;
        }
        List<String> waiting = new ArrayList<>(ids);
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            Set<String> indexed = store.indexed(waiting);
            waiting.removeAll(indexed);
            ids.removeAll(indexed);
            if (waiting.isEmpty()) {
                break;
            }
            if (System.nanoTime() - deadline >= 0) {
                int left = waiting.size();
                LOG.fine(() -> "MAM query of " + owner + ": " + left + " captured message(s) still not indexed after "
                        + maxWait + "; answering without them");
                break;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(POLL_NANOS);
        }
        store.refresh();
    }
}
