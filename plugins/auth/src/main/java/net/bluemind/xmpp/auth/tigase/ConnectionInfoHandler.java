package net.bluemind.xmpp.auth.tigase;

import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;
import tigase.auth.DomainAware;
import tigase.auth.SessionAware;
import tigase.xmpp.XMPPResourceConnection;

/**
 * The callback handler Tigase gives our PLAIN server ({@link BmCallbackHandlerFactory}): it only answers
 * {@link ConnectionCallback} and {@link SessionCallback} from the session, since the engine does the rest.
 */
public final class ConnectionInfoHandler implements CallbackHandler, SessionAware, DomainAware {

    private static final Logger LOG = Logger.getLogger(ConnectionInfoHandler.class.getName());

    private XMPPResourceConnection session;
    private String domain;

    @Override
    public void setSession(XMPPResourceConnection session) {
        this.session = session;
    }

    @Override
    public void setDomain(String domain) {
        this.domain = domain;
    }

    @Override
    public void handle(Callback[] callbacks) throws UnsupportedCallbackException {
        for (Callback c : callbacks) {
            if (c instanceof ConnectionCallback cc) {
                cc.set(domain, clientIp());
            } else if (c instanceof SessionCallback sc) {
                sc.set(session == null ? null : new Sasl2Session(session));
            } else {
                throw new UnsupportedCallbackException(c, "only bm-xmpp's own callbacks are handled here");
            }
        }
    }

    private String clientIp() {
        try {
            return session == null ? null
                    : ClientAddress.fromConnectionResource(session.getConnectionId().getResource()).orElse(null);
        } catch (Exception e) { // NoConnectionIdException, or anything odd in a session being torn down
            LOG.log(Level.FINE, "no client address for this session", e);
            return null;
        }
    }
}
