package net.bluemind.xmpp.auth.fast;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.auth.AuthOutcome;
import net.bluemind.xmpp.auth.Identity;
import net.bluemind.xmpp.auth.LoginName;
import net.bluemind.xmpp.auth.SaslCondition;
import net.bluemind.xmpp.auth.throttle.Throttle;

/**
 * Decides a FAST login ({@code HT-SHA-256-NONE} with a token): never asks bm-core. A token is a secret like a
 * password: a wrong, unknown, expired, revoked or replayed one is {@code not-authorized}; a wrong or unknown
 * one, a replay and a malformed message count as a wrong password in the same {@link Throttle} the password
 * logins use (a genuine token that expired or was revoked does not: see {@link TokenUse.Refused}); an account or
 * address the throttle holds back is refused unchecked. Never throws.
 */
public final class FastLogin {

    private static final Logger LOG = Logger.getLogger(FastLogin.class.getName());
    static final String INVALID_TOKEN = "Invalid or expired token; log in with your password";

    private final FastTokens tokens;
    private final Throttle throttle;
    private final String defaultDomain;

    public FastLogin(FastTokens tokens, Throttle throttle, String defaultDomain) {
        this.tokens = tokens;
        this.throttle = throttle;
        this.defaultDomain = defaultDomain;
    }

    public FastOutcome authenticate(FastRequest request) {
        try {
            return decide(request);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "FAST login failed unexpectedly", e);
            return refused(SaslCondition.TEMPORARY_AUTH_FAILURE, "Internal error while checking the token");
        }
    }

    private FastOutcome decide(FastRequest r) {
        String ip = r.clientIp();
        if (!tokens.enabled()) {
            return refused(SaslCondition.NOT_AUTHORIZED, "FAST tokens are not accepted by this server");
        }
        if (!r.fast()) {
            return refused(SaslCondition.NOT_AUTHORIZED, HtSha256.MECHANISM + " is only accepted with <fast "
                    + "xmlns='urn:xmpp:fast:0'/> in a SASL2 <authenticate/>");
        }
        Optional<HtMessage> message = HtMessage.parse(r.message());
        if (message.isEmpty()) {
            throttle.failed(null, ip);
            return refused(SaslCondition.MALFORMED_REQUEST, HtSha256.MECHANISM + " expects a login, a NUL byte "
                    + "and a 32-byte HMAC");
        }
        Optional<String> login = LoginName.latd(message.get().authcid(), r.connectionDomain(), defaultDomain);
        if (login.isEmpty()) {
            throttle.failed(null, ip);
            return refused(SaslCondition.NOT_AUTHORIZED, INVALID_TOKEN);
        }
        String latd = login.get();
        if (throttle.check(latd, ip) instanceof Throttle.Verdict.Refused t) {
            return refused(SaslCondition.NOT_AUTHORIZED, t.text());
        }
        if (r.agentId() == null || r.agentId().isBlank()) {
            return refused(SaslCondition.NOT_AUTHORIZED, "A FAST login needs the <user-agent id='…'/> the token "
                    + "was issued to");
        }
        TokenUse use = tokens.use(latd, r.agentId(), message.get().initiator(), r.count(), r.invalidate(),
                r.wantsFresh());
        if (use instanceof TokenUse.Refused no) {
            if (no.guess()) {
                throttle.failed(latd, ip);
            }
            LOG.fine(() -> "FAST login of " + latd + " refused: " + no.reason());
            return refused(SaslCondition.NOT_AUTHORIZED, INVALID_TOKEN);
        }
        TokenUse.Accepted yes = (TokenUse.Accepted) use;
        throttle.succeeded(latd);
        StoredToken t = yes.token();
        return new FastOutcome.Accepted(new Identity(t.uid(), t.domainUid(), t.jid()), t.responder(), yes.fresh());
    }

    private static FastOutcome refused(SaslCondition condition, String text) {
        return new FastOutcome.Refused(AuthOutcome.fail(condition, text));
    }
}
