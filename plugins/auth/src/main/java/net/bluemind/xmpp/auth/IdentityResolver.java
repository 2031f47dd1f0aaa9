package net.bluemind.xmpp.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import net.bluemind.xmpp.auth.cache.Resolution;
import net.bluemind.xmpp.common.core.CoreClient;
import net.bluemind.xmpp.common.core.CoreException;
import net.bluemind.xmpp.common.core.Domain;
import net.bluemind.xmpp.common.core.ItemValue;
import net.bluemind.xmpp.common.core.User;

/**
 * Turns an accepted login name (any address, alias or domain alias of a user) into the user's identity
 * and decides whether it may use IM: not global-domain, not system, not archived, role {@code hasIM}.
 * Answers are remembered like credentials (same TTL, dropped per user on bus events), so that a login whose
 * credentials are not cached costs bm-core a single {@code auth/validate}; so are the domains found (same TTL), so
 * that a user's first login costs three calls ({@code auth/validate}, {@code byEmail}, {@code roles_resolved}), not
 * four.
 */
public final class IdentityResolver {

    public static final String IM_ROLE = "hasIM";
    static final String IM_NOT_ENABLED = "Instant messaging is not enabled for this account; ask your BlueMind administrator for the Instant messaging role";

    private final CoreClient core;
    private final Cache<String, Resolution> known;
    /** Domains found by name or alias: one lookup per domain and TTL instead of one per user's first login. */
    private final Cache<String, Optional<ItemValue<Domain>>> domains;

    public IdentityResolver(CoreClient core, Duration ttl, int maxEntries, Ticker ticker) {
        this.core = core;
        this.known = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).ticker(ticker).build();
        this.domains = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).ticker(ticker).build();
    }


    /** @throws CoreException when bm-core cannot answer; nothing is remembered then */
    public Resolution resolve(String latd) throws CoreException {
        Resolution r = known.getIfPresent(latd);
        if (r == null) {
            r = ask(latd);
            known.put(latd, r);
        }
        return r;
    }

    public void evictUser(String uid) {
        known.asMap().values().removeIf(r -> r instanceof Resolution.Allowed a ? a.identity().uid().equals(uid)
                : uid.equals(((Resolution.Refused) r).uid()));
    }

    public void clear() {
        known.invalidateAll();
        domains.invalidateAll();
    }

    private Resolution ask(String latd) throws CoreException {
        String domainName = latd.substring(latd.indexOf('@') + 1);
        Optional<ItemValue<Domain>> domain = domains.getIfPresent(domainName);
        if (domain == null) {
            domain = core.lookupDomain(domainName);
            if (domain.isPresent()) { // an unknown one may be created any minute
                domains.put(domainName, domain);
            }
        }
        if (domain.isEmpty() || domain.get().value() == null) {
            return new Resolution.Refused(null, SaslCondition.NOT_AUTHORIZED, "No such account");
        }
        if (domain.get().value().global()) {
            return new Resolution.Refused(null, SaslCondition.NOT_AUTHORIZED,
                    "Accounts of BlueMind's administration domain cannot use instant messaging");
        }
        String domainUid = domain.get().uid();
        Optional<ItemValue<User>> found = core.userByEmail(domainUid, latd);
        if (found.isEmpty() || found.get().value() == null) {
            return new Resolution.Refused(null, SaslCondition.NOT_AUTHORIZED, "No such account");
        }
        String uid = found.get().uid();
        User user = found.get().value();
        if (user.system()) {
            return new Resolution.Refused(uid, SaslCondition.NOT_AUTHORIZED,
                    "System accounts cannot use instant messaging");
        }
        if (user.archived()) {
            return new Resolution.Refused(uid, SaslCondition.ACCOUNT_DISABLED, "This account is archived");
        }
        Optional<String> jid = user.defaultEmail();
        if (jid.isEmpty()) {
            return new Resolution.Refused(uid, SaslCondition.NOT_AUTHORIZED, "This account has no email address");
        }
        if (!core.resolvedRoles(domainUid, uid).contains(IM_ROLE)) {
            return new Resolution.Refused(uid, SaslCondition.ACCOUNT_DISABLED, IM_NOT_ENABLED);
        }
        return new Resolution.Allowed(new Identity(uid, domainUid, jid.get().toLowerCase(Locale.ROOT)));
    }
}
