package net.bluemind.xmpp.auth.tigase;

import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.callback.CallbackHandler;
import javax.security.sasl.SaslException;
import javax.security.sasl.SaslServer;
import net.bluemind.xmpp.auth.SaslCondition;
import net.bluemind.xmpp.auth.fast.FastLogin;
import net.bluemind.xmpp.auth.fast.FastOutcome;
import net.bluemind.xmpp.auth.fast.FastRequest;
import net.bluemind.xmpp.auth.fast.HtSha256;
import tigase.xml.Element;

/**
 * SASL {@code HT-SHA-256-NONE} with a FAST token (XEP-0484), decided by the engine's {@link FastLogin} without
 * bm-core. The request's {@code <user-agent/>} and {@code <fast/>} come from the session data SASL2 filled in
 * ({@link Sasl2Session}); the answer HMAC(token, "Responder") is returned as the success's additional data; a
 * renewed token is left in the session for {@link FastInline} to put in the success.
 */
final class BmHtSaslServer implements SaslServer {

    private static final Logger LOG = Logger.getLogger(BmHtSaslServer.class.getName());

    private final FastLogin fastLogin;
    private final String serverName;
    private final CallbackHandler callbackHandler;
    private boolean complete;
    private String authorizationId;

    /** @param fastLogin null when the engine could not start: every attempt is a temporary failure */
    BmHtSaslServer(FastLogin fastLogin, String serverName, CallbackHandler callbackHandler) {
        this.fastLogin = fastLogin;
        this.serverName = serverName;
        this.callbackHandler = callbackHandler;
    }

    @Override
    public String getMechanismName() {
        return HtSha256.MECHANISM;
    }

    @Override
    public byte[] evaluateResponse(byte[] response) throws SaslException {
        if (complete) {
            throw SaslErrors.of(SaslCondition.MALFORMED_REQUEST, HtSha256.MECHANISM + " is already complete");
        }
        if (fastLogin == null) {
            throw SaslErrors.of(SaslCondition.TEMPORARY_AUTH_FAILURE, "The login service is not available");
        }
        FastOutcome outcome;
        Sasl2Session session;
        try {
            ConnectionCallback connection = BmPlainSaslServer.connection(callbackHandler, serverName);
            session = BmPlainSaslServer.session(callbackHandler);
            outcome = fastLogin.authenticate(request(response, connection, session));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "FAST login failed unexpectedly", e);
            throw SaslErrors.of(SaslCondition.TEMPORARY_AUTH_FAILURE, "Internal error while checking the token");
        }
        if (outcome instanceof FastOutcome.Refused no) {
            throw SaslErrors.of(no.failure().condition(), no.failure().text());
        }
        FastOutcome.Accepted yes = (FastOutcome.Accepted) outcome;
        if (yes.fresh() != null && session != null) {
            session.rememberFreshToken(yes.fresh());
        }
        authorizationId = yes.identity().jid();
        complete = true;
        return yes.responder();
    }

    private static FastRequest request(byte[] response, ConnectionCallback connection, Sasl2Session session) {
        if (session == null) {
            return new FastRequest(response, connection.domain(), connection.clientIp(), null, false, null, false,
                    false);
        }
        Element fast = session.fastChild("fast");
        Long count = null;
        boolean invalidate = false;
        if (fast != null) {
            count = parseCount(fast.getAttributeStaticStr("count"));
            String inv = fast.getAttributeStaticStr("invalidate");
            invalidate = "true".equals(inv) || "1".equals(inv);
        }
        return new FastRequest(response, connection.domain(), connection.clientIp(), session.agentId(), fast != null,
                count, invalidate, session.fastChild("request-token") != null);
    }

    /** A count that is not a number is taken as -1, which no stored count is below: refused as a replay. */
    private static Long parseCount(String count) {
        if (count == null) {
            return null;
        }
        try {
            return Long.parseLong(count.strip());
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    @Override
    public boolean isComplete() {
        return complete;
    }

    @Override
    public String getAuthorizationID() {
        if (!complete) {
            throw new IllegalStateException(HtSha256.MECHANISM + " authentication not completed");
        }
        return authorizationId;
    }

    @Override
    public byte[] unwrap(byte[] incoming, int offset, int len) {
        throw new IllegalStateException(HtSha256.MECHANISM + " supports neither integrity nor privacy");
    }

    @Override
    public byte[] wrap(byte[] outgoing, int offset, int len) {
        throw new IllegalStateException(HtSha256.MECHANISM + " supports neither integrity nor privacy");
    }

    @Override
    public Object getNegotiatedProperty(String propName) {
        if (!complete) {
            throw new IllegalStateException(HtSha256.MECHANISM + " authentication not completed");
        }
        return null;
    }

    @Override
    public void dispose() {
        authorizationId = null;
    }
}
