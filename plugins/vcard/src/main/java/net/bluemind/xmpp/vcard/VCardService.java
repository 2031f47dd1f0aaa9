package net.bluemind.xmpp.vcard;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.common.bus.BusEvent;
import net.bluemind.xmpp.common.bus.BusSubscriber;

/**
 * The vCard engine: contact cards by bare JID, cached (TTL + size bound) in front of {@link ContactDirectory}.
 * <ul>
 * <li>A fresh entry is served without calling bm-core; a stale one is refreshed, and served anyway when
 * bm-core fails (better an old card than none). Nothing cached and bm-core failing: {@link DirectoryUnavailableException}.</li>
 * <li>{@code user.updated}, {@code user.photo.updated} and {@code user.deleted} drop the user's entries; a user
 * whose presence carries a hash is re-read at once in the background, and {@link AvatarListener}s hear of a
 * changed hash so the adapter can push it.</li>
 * <li>A bus (re)connect or {@code core.state} marks every entry stale (events may have been missed).</li>
 * </ul>
 */
public final class VCardService implements BusSubscriber {

    private static final Logger LOG = Logger.getLogger(VCardService.class.getName());
    private static final Set<String> USER_CHANGES = Set.of("user.updated", "user.photo.updated", "user.deleted");

    private record Entry(Lookup lookup, long fetchedAt) {
    }

    /** Hash last stamped on a user's presence; NONE: stamped "no photo"; UNKNOWN: stamped while not known yet. */
    private static final String NONE = "";
    private static final String UNKNOWN = "?";

    private final ContactDirectory directory;
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private final Executor background;
    private final Cache<String, Entry> cache;
    private final Cache<String, String> announced;
    private final List<AvatarListener> listeners = new CopyOnWriteArrayList<>();
    /** Stamp of the card (photo aside) last served to a user whose presence went out; UNKNOWN until read. */
    private final Cache<String, String> cardStamps;
    private final List<CardListener> cardListeners = new CopyOnWriteArrayList<>();
    /** Bumped by every eviction: a fetch that overlapped one is served but not cached (it may predate it). */
    private final AtomicLong evictions = new AtomicLong();
    private final Map<String, AtomicBoolean> refreshing = new ConcurrentHashMap<>();
    private final AtomicLong staleBefore = new AtomicLong(Long.MIN_VALUE);

    public VCardService(ContactDirectory directory, Duration ttl, int maxSize, Executor background) {
        this(directory, ttl, maxSize, background, System::nanoTime);
    }

    VCardService(ContactDirectory directory, Duration ttl, int maxSize, Executor background, LongSupplier nanoClock) {
        this.directory = Objects.requireNonNull(directory);
        this.ttlNanos = ttl.toNanos();
        this.background = Objects.requireNonNull(background);
        this.nanoClock = nanoClock;
        this.cache = Caffeine.newBuilder().maximumSize(maxSize).build();
        this.announced = Caffeine.newBuilder().maximumSize(Math.max(maxSize, 1000)).build();
        this.cardStamps = Caffeine.newBuilder().maximumSize(Math.max(maxSize, 1000)).build();
    }

    public void addListener(AvatarListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(AvatarListener listener) {
        listeners.remove(listener);
    }

    public void addCardListener(CardListener listener) {
        cardListeners.add(Objects.requireNonNull(listener));
    }

    public void removeCardListener(CardListener listener) {
        cardListeners.remove(listener);
    }

    /** The directory's answer for a bare JID; may call bm-core (bounded by its timeouts). */
    public Lookup lookup(String bareJid) throws DirectoryUnavailableException {
        String key = key(bareJid);
        Entry cached = cache.getIfPresent(key);
        if (cached != null && isFresh(cached)) {
            return cached.lookup();
        }
        long epoch = evictions.get();
        long start = nanoClock.getAsLong();
        Lookup fresh;
        try {
            fresh = directory.fetch(key);
        } catch (Exception e) {
            cached = cache.getIfPresent(key);
            if (cached != null) {
                LOG.log(Level.FINE, "bm-core failed, serving the cached card of " + key, e);
                return cached.lookup();
            }
            throw new DirectoryUnavailableException("the BlueMind directory is unavailable (" + e.getMessage() + ")", e);
        }
        if (fresh instanceof Lookup.NotHosted) {
            return fresh; // not ours: nothing to remember
        }
        if (fresh instanceof Lookup.Found && evictions.get() == epoch) {
            cache.put(key, new Entry(fresh, start));
        } else if (fresh instanceof Lookup.NoSuchUser) {
            cache.invalidate(key); // a deleted user's stale card must not be served on a later failure
        }
        return fresh;
    }

    /** The contact, or empty for unknown / not hosted users. */
    public Optional<Contact> contact(String bareJid) throws DirectoryUnavailableException {
        return lookup(bareJid) instanceof Lookup.Found f ? Optional.of(f.contact()) : Optional.empty();
    }

    /**
     * The photo for a user's outgoing presence, without waiting on bm-core: a cached answer (even stale) at
     * once; otherwise {@code null} ("not known yet") while a background read runs, whose result then reaches
     * the listeners.
     *
     * @return the photo (empty Optional = none), or null when not known yet
     */
    public Optional<Photo> presencePhoto(String bareJid) {
        String key = key(bareJid);
        Entry cached = cache.getIfPresent(key);
        if (cached != null) {
            Optional<Photo> photo = photoOf(cached.lookup());
            announced.put(key, hash(photo));
            cardStamps.put(key, cardStamp(cached.lookup()));
            if (!isFresh(cached)) {
                refreshInBackground(key);
            }
            return photo;
        }
        announced.asMap().putIfAbsent(key, UNKNOWN);
        cardStamps.asMap().putIfAbsent(key, UNKNOWN);
        refreshInBackground(key);
        return null;
    }

    /**
     * The photo the cache holds for a user right now, with no side effect: no bm-core read, nothing marked as
     * announced (so a background read still reaches the listeners). For re-stamping presence Tigase re-sends
     * from its stored copy.
     *
     * @return the photo (empty Optional = none), or null when not cached
     */
    public Optional<Photo> knownPhoto(String bareJid) {
        Entry cached = cache.getIfPresent(key(bareJid));
        return cached == null ? null : photoOf(cached.lookup());
    }

    /** Forgets what this user's presence was stamped with (the user's last session ended). */
    public void presenceGone(String bareJid) {
        announced.invalidate(key(bareJid));
        cardStamps.invalidate(key(bareJid));
    }

    @Override
    public void onEvent(BusEvent event) {
        if (BusEvent.DIRECTORY.equals(event.exchange()) && USER_CHANGES.contains(event.operation())) {
            event.property("uid").ifPresentOrElse(uid -> evictUser(uid),
                    () -> LOG.warning("ignoring " + event.operation() + " without uid: " + event.properties()));
        } else if (BusEvent.SYSTEM.equals(event.exchange()) && "core.state".equals(event.operation())) {
            markAllStale();
        }
    }

    @Override
    public void onConnected() {
        markAllStale();
    }

    /** Drops every cached card of the BlueMind user {@code uid}; re-reads those whose presence carries a hash. */
    public void evictUser(String uid) {
        evictions.incrementAndGet();
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, Entry> e : cache.asMap().entrySet()) {
            if (e.getValue().lookup() instanceof Lookup.Found f && uid.equals(f.contact().uid())) {
                keys.add(e.getKey());
            }
        }
        cache.invalidateAll(keys);
        for (String key : keys) {
            if (announced.getIfPresent(key) != null) {
                refreshInBackground(key);
            }
        }
        LOG.fine(() -> "user " + uid + " changed: dropped cached cards " + keys);
    }

    /** Keeps the entries for failover but makes the next lookup of each ask bm-core again. */
    public void markAllStale() {
        staleBefore.set(nanoClock.getAsLong());
    }

    public long cachedCount() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private void refreshInBackground(String key) {
        AtomicBoolean again = new AtomicBoolean();
        AtomicBoolean running = refreshing.putIfAbsent(key, again);
        if (running != null) {
            running.set(true); // one re-read per user at a time; it runs once more if asked meanwhile
            return;
        }
        try {
            background.execute(() -> {
                try {
                    do {
                        again.set(false);
                        refreshAndNotify(key);
                    } while (again.get());
                } finally {
                    refreshing.remove(key);
                }
            });
        } catch (RejectedExecutionException e) {
            refreshing.remove(key);
            LOG.fine(() -> "background re-read of " + key + " refused: shutting down");
        }
    }

    private void refreshAndNotify(String key) {
        Lookup found;
        try {
            found = lookup(key);
        } catch (DirectoryUnavailableException e) {
            LOG.fine(() -> "photo of " + key + " not known yet: " + e.getMessage());
            return;
        }
        notifyCardChange(key, found);
        Optional<Photo> photo = photoOf(found);
        String before = announced.getIfPresent(key);
        String now = hash(photo);
        if (before != null && !before.equals(now)) {
            announced.put(key, now);
            for (AvatarListener l : listeners) {
                try {
                    l.avatarChanged(key, photo);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "avatar listener failed for " + key, e);
                }
            }
        }
    }

    /** Card listeners hear of a change from one known card to another (not of the first read). */
    private void notifyCardChange(String key, Lookup found) {
        String before = cardStamps.getIfPresent(key);
        String now = cardStamp(found);
        if (before == null || before.equals(now)) {
            return;
        }
        cardStamps.put(key, now);
        if (UNKNOWN.equals(before) || !(found instanceof Lookup.Found f)) {
            return;
        }
        for (CardListener l : cardListeners) {
            try {
                l.cardChanged(key, f.contact());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "card listener failed for " + key, e);
            }
        }
    }

    /** What identifies a card's content, photo aside (records print their content; the photo prints its hash). */
    private static String cardStamp(Lookup l) {
        if (!(l instanceof Lookup.Found f)) {
            return NONE;
        }
        Contact c = f.contact();
        return new Contact(c.jid(), c.domainUid(), c.uid(), c.formattedName(), c.name(), c.nickname(), c.emails(),
                c.tels(), c.org(), c.title(), c.role(), c.addresses(), c.birthday(), c.urls(), c.note(),
                Optional.empty()).toString();
    }

    private boolean isFresh(Entry e) {
        return e.fetchedAt() > staleBefore.get() && nanoClock.getAsLong() - e.fetchedAt() < ttlNanos;
    }

    private static Optional<Photo> photoOf(Lookup l) {
        return l instanceof Lookup.Found f ? f.contact().photo() : Optional.empty();
    }

    private static String hash(Optional<Photo> photo) {
        return photo.map(Photo::sha1).orElse(NONE);
    }

    private static String key(String bareJid) {
        return bareJid.strip().toLowerCase(Locale.ROOT);
    }
}
