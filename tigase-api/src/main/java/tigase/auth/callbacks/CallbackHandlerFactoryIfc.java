package tigase.auth.callbacks;

import javax.security.auth.callback.CallbackHandler;
import tigase.db.NonAuthUserRepository;
import tigase.xmpp.XMPPResourceConnection;

/** Declared members: only those bm-xmpp uses. */
public interface CallbackHandlerFactoryIfc {

    CallbackHandler create(String mechanismName, XMPPResourceConnection session, NonAuthUserRepository repo)
            throws ClassNotFoundException, InstantiationException, IllegalAccessException;
}
