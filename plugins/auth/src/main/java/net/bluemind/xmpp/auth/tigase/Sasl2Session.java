package net.bluemind.xmpp.auth.tigase;

import java.util.List;
import net.bluemind.xmpp.auth.AuthOutcome;
import net.bluemind.xmpp.auth.fast.IssuedToken;
import tigase.xml.Element;
import tigase.xmpp.XMPPResourceConnection;
import tigase.xmpp.impl.SaslAuth2;

/**
 * What a SASL2 login leaves in Tigase's session data, read and written in one place. {@code SaslAuth2} puts the
 * {@code <user-agent/>} (key {@code user-agent-key}) and the {@code <authenticate/>}'s other children (key
 * {@code sasl-features-key}) there before it calls the SASL server; our SASL servers leave the login and a new
 * FAST token there for {@link FastInline}, which runs when the success is built.
 */
final class Sasl2Session {

    static final String FAST_XMLNS = "urn:xmpp:fast:0";
    private static final String USER_AGENT_KEY = "user-agent-key";
    private static final String SASL_FEATURES_KEY = "sasl-features-key";
    private static final String LOGIN_KEY = "bm-xmpp-login";
    private static final String FRESH_TOKEN_KEY = "bm-xmpp-fast-token";

    private final XMPPResourceConnection session;

    Sasl2Session(XMPPResourceConnection session) {
        this.session = session;
    }

    /** The {@code <user-agent id='…'/>}, null without one (or on classic SASL). */
    String agentId() {
        return session.getSessionData(USER_AGENT_KEY) instanceof SaslAuth2.UserAgent ua ? ua.getId() : null;
    }

    /** The {@code <authenticate/>} child of that name in the FAST namespace, null when absent. */
    Element fastChild(String name) {
        if (!(session.getSessionData(SASL_FEATURES_KEY) instanceof List<?> features)) {
            return null;
        }
        for (Object o : features) {
            if (o instanceof Element e && name.equals(e.getName()) && FAST_XMLNS.equals(e.getXMLNS())) {
                return e;
            }
        }
        return null;
    }

    void rememberLogin(AuthOutcome.Success login) {
        session.putSessionData(LOGIN_KEY, login);
    }

    AuthOutcome.Success takeLogin() {
        Object o = session.getSessionData(LOGIN_KEY);
        session.removeSessionData(LOGIN_KEY);
        return o instanceof AuthOutcome.Success s ? s : null;
    }

    void rememberFreshToken(IssuedToken token) {
        session.putSessionData(FRESH_TOKEN_KEY, token);
    }

    IssuedToken takeFreshToken() {
        Object o = session.getSessionData(FRESH_TOKEN_KEY);
        session.removeSessionData(FRESH_TOKEN_KEY);
        return o instanceof IssuedToken t ? t : null;
    }
}
