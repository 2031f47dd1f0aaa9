package net.bluemind.xmpp.auth.tigase;

import net.bluemind.xmpp.auth.fast.HtSha256;
import tigase.auth.CallbackHandlerFactory;
import tigase.db.NonAuthUserRepository;
import tigase.xmpp.XMPPResourceConnection;

/**
 * Bean {@code 'sess-man'/'sasl-provider'/'callback-handler-factory'}: gives the PLAIN and FAST servers a handler that
 * can tell the stream's domain and the client's IP. Other mechanisms keep Tigase's handlers.
 */
public class BmCallbackHandlerFactory extends CallbackHandlerFactory {

    @Override
    protected String getHandlerClassname(String mechanismName, XMPPResourceConnection session,
            NonAuthUserRepository repo) {
        if (BmPlainSaslServer.MECHANISM.equals(mechanismName) || HtSha256.MECHANISM.equals(mechanismName)) {
            return ConnectionInfoHandler.class.getName();
        }
        return super.getHandlerClassname(mechanismName, session, repo);
    }
}
