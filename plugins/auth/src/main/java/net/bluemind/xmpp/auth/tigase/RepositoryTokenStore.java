package net.bluemind.xmpp.auth.tigase;

import java.time.Instant;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.auth.fast.FastTokenStore;
import net.bluemind.xmpp.auth.fast.TokenSlot;
import net.bluemind.xmpp.auth.fast.TokenSlotCodec;
import tigase.db.UserRepository;
import tigase.xmpp.jid.BareJID;

/**
 * FAST tokens in Tigase's user repository, the database every node of a cluster shares: node
 * {@code bm-xmpp/fast} of the login's entry, one key per client (hash of its user-agent id), and the
 * revocation times per BlueMind uid under one technical entry. Tigase's repository caches node ids, never
 * values, so a token renewed or revoked on one node is seen at once on the others. Without a repository
 * (not yet handed over) nothing is found and nothing kept: clients log in with their passwords.
 */
final class RepositoryTokenStore implements FastTokenStore {

    private static final Logger LOG = Logger.getLogger(RepositoryTokenStore.class.getName());
    static final String NODE = "bm-xmpp/fast";
    static final String REVOKED_NODE = "bm-xmpp/fast-revoked";
    static final BareJID REVOCATIONS = BareJID.bareJIDInstanceNS("fast-revocations@bm-xmpp.invalid");

    private volatile UserRepository repository;

    void use(UserRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<TokenSlot> load(String login, String agentKey) {
        return Optional.ofNullable(read(BareJID.bareJIDInstanceNS(login), NODE, agentKey))
                .flatMap(TokenSlotCodec::decode);
    }

    @Override
    public void save(String login, String agentKey, TokenSlot slot) {
        write(BareJID.bareJIDInstanceNS(login), NODE, agentKey, TokenSlotCodec.encode(slot));
    }

    @Override
    public void remove(String login, String agentKey) {
        UserRepository r = repository;
        if (r == null) {
            return;
        }
        try {
            r.removeData(BareJID.bareJIDInstanceNS(login), NODE, agentKey);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "could not remove a FAST token of " + login, e);
        }
    }

    @Override
    public Optional<Instant> revokedAt(String uid) {
        String at = read(REVOCATIONS, REVOKED_NODE, uid);
        try {
            return at == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Long.parseLong(at)));
        } catch (NumberFormatException e) {
            return Optional.of(Instant.now()); // unreadable: take it as revoked now rather than never
        }
    }

    @Override
    public void revoke(String uid, Instant at) {
        write(REVOCATIONS, REVOKED_NODE, uid, Long.toString(at.toEpochMilli()));
    }

    private String read(BareJID user, String node, String key) {
        UserRepository r = repository;
        if (r == null) {
            return null;
        }
        try {
            return r.getData(user, node, key, null);
        } catch (Exception e) { // UserNotFoundException without autoCreateUser, TigaseDBException
            LOG.log(Level.FINE, "no FAST data for " + user, e);
            return null;
        }
    }

    private void write(BareJID user, String node, String key, String value) {
        UserRepository r = repository;
        if (r == null) {
            LOG.fine("FAST token not stored: Tigase's user repository not available yet");
            return;
        }
        try {
            r.setData(user, node, key, value);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "could not store FAST data for " + user + " (is autoCreateUser=true in the "
                    + "user-db-uri?)", e);
        }
    }
}
