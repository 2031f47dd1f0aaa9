package net.bluemind.xmpp.auth.fast;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import net.bluemind.xmpp.auth.Identity;

/**
 * The life of FAST tokens (XEP-0484): issued after a password login to one client (its user-agent id), kept
 * hashed, accepted until they expire, renewed at a login in their second half or when the client asks,
 * dropped when the client invalidates them, and refused once BlueMind revoked the user (bus events). The
 * previous token stays valid after a renewal until the client uses the new one.
 */
public final class FastTokens {

    private static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FastTokenStore store;
    private final Duration ttl;
    private final Clock clock;

    public FastTokens(FastTokenStore store, Duration ttl, Clock clock) {
        this.store = store;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** {@code fast-token-ttl} 0 switches FAST off: nothing is offered or issued. */
    public boolean enabled() {
        return !ttl.isZero() && !ttl.isNegative();
    }

    /** The store's key for a user-agent id: the id itself (a client's secret-ish device id) is not kept. */
    public static String agentKey(String agentId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(HtSha256.sha256(agentId.getBytes(StandardCharsets.UTF_8)));
    }

    /** A new token for a login that just proved its password; it replaces what this client held. */
    public IssuedToken issue(String login, Identity identity, String agentId) {
        IssuedToken fresh = newToken();
        store.save(login, agentKey(agentId), new TokenSlot(stored(identity, fresh), null, -1));
        return fresh;
    }

    /**
     * A FAST login's token.
     *
     * @param count the client's {@code count}, null when it sent none; when given it must grow (replay)
     * @param invalidate the client gives the token up: accepted this once, then gone
     * @param wantsFresh the client asked for a new token ({@code <request-token/>})
     */
    public TokenUse use(String login, String agentId, byte[] initiator, Long count, boolean invalidate,
            boolean wantsFresh) {
        String key = agentKey(agentId);
        Optional<TokenSlot> found = store.load(login, key);
        if (found.isEmpty()) {
            return new TokenUse.Refused("no token for this login and client", true);
        }
        TokenSlot slot = found.get();
        StoredToken used = matching(slot, initiator);
        if (used == null) {
            return new TokenUse.Refused("token does not match", true);
        }
        Instant now = clock.instant();
        if (used.expiredAt(now)) {
            return new TokenUse.Refused("token expired at " + used.expires(), false);
        }
        Optional<Instant> revoked = store.revokedAt(used.uid());
        if (revoked.isPresent() && !used.issued().isAfter(revoked.get())) {
            store.remove(login, key);
            return new TokenUse.Refused("token revoked by BlueMind at " + revoked.get(), false);
        }
        if (count != null && count <= slot.lastCount()) {
            return new TokenUse.Refused("count " + count + " not above " + slot.lastCount() + " (replay)", true);
        }
        long lastCount = count == null ? slot.lastCount() : count;
        if (invalidate) {
            store.remove(login, key);
            return new TokenUse.Accepted(used, null);
        }
        boolean usedCurrent = used == slot.current();
        if (wantsFresh || (usedCurrent && secondHalf(used, now))) {
            IssuedToken fresh = newToken();
            StoredToken next = new StoredToken(used.uid(), used.domainUid(), used.jid(),
                    HtSha256.verifier(HtSha256.initiator(fresh.token())), HtSha256.responder(fresh.token()), now,
                    fresh.expiry());
            store.save(login, key, new TokenSlot(next, used, lastCount));
            return new TokenUse.Accepted(used, fresh);
        }
        store.save(login, key, new TokenSlot(slot.current(), usedCurrent ? null : slot.previous(), lastCount));
        return new TokenUse.Accepted(used, null);
    }

    /** BlueMind changed the user's password, roles or account: every token issued so far is refused. */
    public void revokeUser(String uid) {
        store.revoke(uid, clock.instant());
    }

    private static StoredToken matching(TokenSlot slot, byte[] initiator) {
        if (HtSha256.matches(initiator, slot.current().verifier())) {
            return slot.current();
        }
        if (slot.previous() != null && HtSha256.matches(initiator, slot.previous().verifier())) {
            return slot.previous();
        }
        return null;
    }

    private boolean secondHalf(StoredToken t, Instant now) {
        return Duration.between(now, t.expires()).compareTo(ttl.dividedBy(2)) < 0;
    }

    private IssuedToken newToken() {
        byte[] b = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(b);
        // The expiry is whole seconds: what the client is told is exactly what is checked.
        Instant expiry = clock.instant().plus(ttl).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return new IssuedToken(Base64.getUrlEncoder().withoutPadding().encodeToString(b), expiry);
    }

    private StoredToken stored(Identity identity, IssuedToken t) {
        return new StoredToken(identity.uid(), identity.domainUid(), identity.jid(),
                HtSha256.verifier(HtSha256.initiator(t.token())), HtSha256.responder(t.token()), clock.instant(),
                t.expiry());
    }
}
