package net.bluemind.xmpp.auth.fast;

import java.time.Instant;
import java.util.Optional;

/**
 * Where tokens live. Every node of a cluster must see the same store (the Tigase adapter uses Tigase's user
 * repository, a database the nodes share). Keys: the normalised login and a hash of the user-agent id.
 */
public interface FastTokenStore {

    Optional<TokenSlot> load(String login, String agentKey);

    void save(String login, String agentKey, TokenSlot slot);

    void remove(String login, String agentKey);

    /** When BlueMind last said the user's tokens must go; tokens issued up to then are refused. */
    Optional<Instant> revokedAt(String uid);

    void revoke(String uid, Instant at);
}
