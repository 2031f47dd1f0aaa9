package net.bluemind.xmpp.auth.tigase;

import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.callback.CallbackHandler;
import javax.security.sasl.SaslException;
import javax.security.sasl.SaslServer;
import net.bluemind.xmpp.auth.AuthOutcome;
import net.bluemind.xmpp.auth.Authenticator;
import net.bluemind.xmpp.auth.SaslCondition;

/**
 * SASL PLAIN decided by the bm-xmpp engine. Unlike Tigase's own PLAIN, whose password check can only say
 * yes or no, every refusal carries its RFC 6120 condition and a text (Tigase turns the thrown
 * {@code XmppSaslException} into {@code <failure><condition/><text/></failure>}). On success the
 * authorization id is the user's default email, which Tigase binds as the session's JID.
 */
final class BmPlainSaslServer implements SaslServer {

    static final String MECHANISM = "PLAIN";
    private static final Logger LOG = Logger.getLogger(BmPlainSaslServer.class.getName());

    private final Authenticator authenticator;
    private final String serverName;
    private final CallbackHandler callbackHandler;
    private boolean challenged;
    private boolean complete;
    private String authorizationId;

    /** @param authenticator null when the engine could not start: every attempt is a temporary failure */
    BmPlainSaslServer(Authenticator authenticator, String serverName, CallbackHandler callbackHandler) {
        this.authenticator = authenticator;
        this.serverName = serverName;
        this.callbackHandler = callbackHandler;
    }

    @Override
    public String getMechanismName() {
        return MECHANISM;
    }

    @Override
    public byte[] evaluateResponse(byte[] response) throws SaslException {
        if (complete) {
            throw SaslErrors.of(SaslCondition.MALFORMED_REQUEST, "PLAIN is already complete");
        }
        if ((response == null || response.length == 0) && !challenged) {
            challenged = true; // no initial response: RFC 4422 says send an empty challenge, then read it
            return new byte[0];
        }
        if (authenticator == null) {
            throw SaslErrors.of(SaslCondition.TEMPORARY_AUTH_FAILURE, "The login service is not available");
        }
        AuthOutcome outcome;
        try {
            ConnectionCallback connection = connection();
            outcome = authenticator.authenticate(response, connection.domain(), connection.clientIp());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "PLAIN login failed unexpectedly", e);
            throw SaslErrors.of(SaslCondition.TEMPORARY_AUTH_FAILURE, "Internal error while checking the login");
        }
        if (outcome instanceof AuthOutcome.Failure f) {
            throw SaslErrors.of(f.condition(), f.text());
        }
        AuthOutcome.Success success = (AuthOutcome.Success) outcome;
        authorizationId = success.jid();
        complete = true;
        Sasl2Session session = session(callbackHandler);
        if (session != null && session.fastChild("request-token") != null) {
            session.rememberLogin(success); // FastInline issues the token the SASL2 client asked for
        }
        return null;
    }

    /** The session, from our handler; null with another handler (then no FAST token can be issued). */
    static Sasl2Session session(CallbackHandler handler) {
        SessionCallback sc = new SessionCallback();
        try {
            handler.handle(new javax.security.auth.callback.Callback[] {sc});
        } catch (Exception e) {
            LOG.log(Level.FINE, "callback handler gives no session (is BmCallbackHandlerFactory set?)", e);
        }
        return sc.session();
    }

    /** The stream's domain and client IP from our handler; the server name alone if another handler is set. */
    ConnectionCallback connection() {
        return connection(callbackHandler, serverName);
    }

    static ConnectionCallback connection(CallbackHandler callbackHandler, String serverName) {
        ConnectionCallback cc = new ConnectionCallback();
        try {
            callbackHandler.handle(new javax.security.auth.callback.Callback[] {cc});
        } catch (Exception e) {
            LOG.log(Level.FINE, "callback handler gives no connection details (is BmCallbackHandlerFactory set?)", e);
        }
        if (cc.domain() == null) {
            cc.set(serverName, cc.clientIp());
        }
        return cc;
    }

    @Override
    public boolean isComplete() {
        return complete;
    }

    @Override
    public String getAuthorizationID() {
        if (!complete) {
            throw new IllegalStateException("PLAIN authentication not completed");
        }
        return authorizationId;
    }

    @Override
    public byte[] unwrap(byte[] incoming, int offset, int len) {
        throw new IllegalStateException("PLAIN supports neither integrity nor privacy");
    }

    @Override
    public byte[] wrap(byte[] outgoing, int offset, int len) {
        throw new IllegalStateException("PLAIN supports neither integrity nor privacy");
    }

    @Override
    public Object getNegotiatedProperty(String propName) {
        if (!complete) {
            throw new IllegalStateException("PLAIN authentication not completed");
        }
        return null;
    }

    @Override
    public void dispose() {
        authorizationId = null;
    }
}
