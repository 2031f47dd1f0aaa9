package net.bluemind.xmpp.auth.fast;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A store in this JVM only: tests and benchmarks (a server uses a shared one). */
public final class MemoryTokenStore implements FastTokenStore {

    private final Map<String, TokenSlot> slots = new ConcurrentHashMap<>();
    private final Map<String, Instant> revocations = new ConcurrentHashMap<>();

    @Override
    public Optional<TokenSlot> load(String login, String agentKey) {
        return Optional.ofNullable(slots.get(login + "\n" + agentKey));
    }

    @Override
    public void save(String login, String agentKey, TokenSlot slot) {
        slots.put(login + "\n" + agentKey, slot);
    }

    @Override
    public void remove(String login, String agentKey) {
        slots.remove(login + "\n" + agentKey);
    }

    @Override
    public Optional<Instant> revokedAt(String uid) {
        return Optional.ofNullable(revocations.get(uid));
    }

    @Override
    public void revoke(String uid, Instant at) {
        revocations.merge(uid, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    public int size() {
        return slots.size();
    }
}
