package tigase.auth;

import javax.security.auth.callback.CallbackHandler;
import tigase.auth.callbacks.CallbackHandlerFactoryIfc;
import tigase.db.NonAuthUserRepository;
import tigase.xmpp.XMPPResourceConnection;

/** Declared members: only those bm-xmpp uses. */
public class CallbackHandlerFactory implements CallbackHandlerFactoryIfc {

    public CallbackHandlerFactory() {
    }

    @Override
    public CallbackHandler create(String mechanismName, XMPPResourceConnection session, NonAuthUserRepository repo)
            throws ClassNotFoundException, InstantiationException, IllegalAccessException {
        throw new UnsupportedOperationException();
    }

    protected String getHandlerClassname(String mechanismName, XMPPResourceConnection session,
            NonAuthUserRepository repo) {
        throw new UnsupportedOperationException();
    }
}
