package net.bluemind.xmpp.vcard;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who has to hear about avatars, for the adapter: the live sessions of each user whose presence carries a
 * photo hash ({@code S} is the adapter's session type), and which avatar item each contact was last told about,
 * so a XEP-0084 notification goes once per (user, contact, hash) however often presence is sent. A contact who
 * goes offline is forgotten: their next client (maybe a new device with an empty cache) is told again.
 */
public final class AvatarAudience<S> {

    private final Map<String, Set<S>> sessions = new ConcurrentHashMap<>();
    /** contact -> (user -> avatar item id the contact was told about) */
    private final Cache<String, Map<String, String>> told;

    /** @param maxRemembered contacts remembered at most (the least recently told are forgotten first) */
    public AvatarAudience(int maxRemembered) {
        this.told = Caffeine.newBuilder().maximumSize(maxRemembered).executor(Runnable::run).build();
    }

    public void sessionStamped(String user, S session) {
        sessions.computeIfAbsent(key(user), k -> ConcurrentHashMap.newKeySet()).add(Objects.requireNonNull(session));
    }

    /** @return true when it was the user's last session */
    public boolean sessionStopped(String user, S session) {
        boolean[] last = {false};
        sessions.computeIfPresent(key(user), (k, set) -> {
            set.remove(session);
            last[0] = set.isEmpty();
            return set.isEmpty() ? null : set;
        });
        return last[0];
    }

    public Set<S> sessions(String user) {
        Set<S> s = sessions.get(key(user));
        return s == null ? Set.of() : Set.copyOf(s);
    }

    /** True (and remembered) when {@code contact} has not yet been told about {@code itemId} from {@code user}. */
    public boolean firstTimeTold(String user, String contact, String itemId) {
        String previous = told.get(key(contact), k -> new ConcurrentHashMap<>()).put(key(user), itemId);
        return !itemId.equals(previous);
    }

    /** The contact went offline (one of their sessions ended): what they were told is forgotten. */
    public void contactGone(String contact) {
        told.invalidate(key(contact));
    }

    private static String key(String jid) {
        return jid.strip().toLowerCase(Locale.ROOT);
    }
}
