package net.bluemind.xmpp.auth;

import com.github.benmanes.caffeine.cache.Ticker;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.auth.AuthOutcome.Failure;
import net.bluemind.xmpp.auth.AuthOutcome.Source;
import net.bluemind.xmpp.auth.AuthOutcome.Success;
import net.bluemind.xmpp.auth.cache.CredentialCache;
import net.bluemind.xmpp.auth.cache.Resolution;
import net.bluemind.xmpp.auth.throttle.Throttle;
import net.bluemind.xmpp.common.core.CoreClient;
import net.bluemind.xmpp.common.core.CoreException;
import net.bluemind.xmpp.common.core.ValidationResult;

/**
 * Decides a SASL PLAIN login: throttling, then the credential cache, then bm-core's {@code auth/validate},
 * then the user's identity and IM rights. Every path ends in an {@link AuthOutcome}; nothing is thrown.
 * bm-core being unreachable, slow or broken is always {@code temporary-auth-failure}, never
 * {@code not-authorized}.
 */
public final class Authenticator {

    private static final Logger LOG = Logger.getLogger(Authenticator.class.getName());
    static final String CORE_DOWN = "The account service is unavailable; try again later";
    static final String BAD_CREDENTIALS = "Invalid login or password";
    /** The one failure a password guesser gets; only it and a refused authzid count for throttling. */
    private static final Failure WRONG_SECRET = AuthOutcome.fail(SaslCondition.NOT_AUTHORIZED, BAD_CREDENTIALS);

    private final CoreClient core;
    private final AuthConfig config;
    private final CredentialCache credentials;
    private final IdentityResolver identities;
    private final Throttle throttle;
    private final CoreHealth health = new CoreHealth();
    /** Bumped by every eviction, so that a verification that raced with one is not cached. */
    private final AtomicLong evictions = new AtomicLong();

    public Authenticator(CoreClient core, AuthConfig config, Ticker ticker) {
        this(core, config, new CredentialCache(config.cacheTtl(), config.cacheSize(), ticker),
                new IdentityResolver(core, config.cacheTtl(), config.cacheSize(), ticker),
                new Throttle(config.throttle(), ticker));
    }

    /** With its parts given, e.g. caches of different lifetimes (the benchmark's cold-credential runs). */
    public Authenticator(CoreClient core, AuthConfig config, CredentialCache credentials, IdentityResolver identities,
            Throttle throttle) {
        this.core = core;
        this.config = config;
        this.credentials = credentials;
        this.identities = identities;
        this.throttle = throttle;
    }

    public Authenticator(CoreClient core, AuthConfig config) {
        this(core, config, Ticker.systemTicker());
    }

    /** A raw SASL PLAIN message, as received (after base64 decoding). */
    public AuthOutcome authenticate(byte[] plainMessage, String connectionDomain, String clientIp) {
        PlainMessage m;
        try {
            m = PlainMessage.parse(plainMessage);
        } catch (MalformedPlainException e) {
            throttle.failed(null, clientIp);
            return AuthOutcome.fail(SaslCondition.MALFORMED_REQUEST, e.getMessage());
        }
        return authenticate(new LoginRequest(m, connectionDomain, clientIp));
    }

    public AuthOutcome authenticate(LoginRequest request) {
        try {
            return decide(request);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "login of " + request.message().authcid() + " failed unexpectedly", e);
            return AuthOutcome.fail(SaslCondition.TEMPORARY_AUTH_FAILURE, "Internal error while checking the login");
        }
    }

    private AuthOutcome decide(LoginRequest request) {
        PlainMessage m = request.message();
        String ip = request.clientIp();
        Optional<String> name = LoginName.latd(m.authcid(), request.connectionDomain(), config.defaultDomain());
        if (name.isEmpty()) {
            throttle.failed(null, ip);
            return AuthOutcome.fail(SaslCondition.NOT_AUTHORIZED,
                    "The login must be an email address, or a user name of this server's domain");
        }
        String latd = name.get();
        if (throttle.check(latd, ip) instanceof Throttle.Verdict.Refused r) {
            return AuthOutcome.fail(SaslCondition.NOT_AUTHORIZED, r.text());
        }
        AuthOutcome outcome = verify(latd, m.password());
        if (outcome instanceof Success s && !authzidAccepted(m.authzid(), latd, s.jid())) {
            outcome = AuthOutcome.fail(SaslCondition.INVALID_AUTHZID,
                    m.authcid() + " may not act as " + m.authzid());
        }
        if (outcome.succeeded()) {
            throttle.succeeded(latd);
        } else if (outcome == WRONG_SECRET || ((Failure) outcome).condition() == SaslCondition.INVALID_AUTHZID) {
            throttle.failed(latd, ip);
        }
        return outcome;
    }

    private AuthOutcome verify(String latd, String secret) {
        Optional<Identity> cached = credentials.match(latd, secret);
        if (cached.isPresent()) {
            if (!health.knownDown()) {
                return new Success(cached.get().jid(), cached.get(), Source.CACHE, latd);
            }
            if (config.offlineLogin()) {
                return new Success(cached.get().jid(), cached.get(), Source.OFFLINE, latd);
            }
        }
        long epoch = evictions.get();
        ValidationResult result;
        try {
            result = core.validate(latd, secret);
            health.answered();
        } catch (CoreException e) {
            return coreFailed(latd, e);
        }
        switch (result) {
            case PASSWORDEXPIRED:
                return AuthOutcome.fail(SaslCondition.CREDENTIALS_EXPIRED, "The password has expired; change it in "
                        + "BlueMind, then log in again");
            case ARCHIVED:
                return AuthOutcome.fail(SaslCondition.ACCOUNT_DISABLED, "This account is archived");
            case NONE:
                return WRONG_SECRET;
            default:
                break;
        }
        Resolution resolution;
        try {
            resolution = identities.resolve(latd);
        } catch (CoreException e) {
            return coreFailed(latd, e);
        }
        if (resolution instanceof Resolution.Refused r) {
            return AuthOutcome.fail(r.condition(), r.text());
        }
        Identity identity = ((Resolution.Allowed) resolution).identity();
        // Session tokens are short-lived and checked by bm-core every time: only passwords are cached.
        if (result == ValidationResult.PASSWORD && evictions.get() == epoch) {
            credentials.remember(latd, secret, identity);
        }
        return new Success(identity.jid(), identity, Source.CORE, latd);
    }

    private AuthOutcome coreFailed(String latd, CoreException e) {
        if (e.isUnavailable()) {
            health.unreachable();
        }
        LOG.log(Level.WARNING, "bm-core could not check the login of " + latd + " (" + e.kind() + "): "
                + e.getMessage());
        return AuthOutcome.fail(SaslCondition.TEMPORARY_AUTH_FAILURE, CORE_DOWN);
    }

    /** No authzid, or the user's own JID or typed login: anything else would be impersonation. */
    private static boolean authzidAccepted(String authzid, String latd, String jid) {
        if (authzid.isEmpty()) {
            return true;
        }
        String a = authzid.strip().toLowerCase(Locale.ROOT);
        return a.equals(jid) || a.equals(latd);
    }

    /** Forgets a user's cached logins and identity (bus events). */
    public void forgetUser(String uid) {
        evictions.incrementAndGet();
        credentials.evictUser(uid);
        identities.evictUser(uid);
    }

    public void forgetAll() {
        evictions.incrementAndGet();
        credentials.clear();
        identities.clear();
    }
}
