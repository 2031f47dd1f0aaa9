package net.bluemind.xmpp.auth.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;
import net.bluemind.xmpp.auth.Identity;

/**
 * Logins bm-core verified recently: per login name, a salted hash of the secret and the identity it
 * unlocked. Entries expire after the TTL, are bounded in number, and are dropped per user (by uid, which
 * the bus events carry).
 */
public final class CredentialCache {

    private record Entry(SaltedHash secret, Identity identity) {
    }

    private final Cache<String, Entry> entries;

    public CredentialCache(Duration ttl, int maxEntries, Ticker ticker) {
        this.entries = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).ticker(ticker).build();
    }

    public CredentialCache(Duration ttl, int maxEntries) {
        this(ttl, maxEntries, Ticker.systemTicker());
    }

    /** The identity a still-valid entry for this login grants, if the secret is the one that was verified. */
    public Optional<Identity> match(String latd, String secret) {
        Entry e = entries.getIfPresent(latd);
        return e != null && e.secret.matches(secret) ? Optional.of(e.identity) : Optional.empty();
    }

    public void remember(String latd, String secret, Identity identity) {
        entries.put(latd, new Entry(SaltedHash.of(secret), identity));
    }

    public void forget(String latd) {
        entries.invalidate(latd);
    }

    /**
     * Drops every login of that user (any of its addresses). Matched on the uid alone: the event's domain may
     * be a name or a uid, and dropping too much only costs one bm-core call.
     */
    public void evictUser(String uid) {
        entries.asMap().values().removeIf(e -> e.identity.uid().equals(uid));
    }

    public void clear() {
        entries.invalidateAll();
    }

    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
