package tigase.server.xmppserver.proc;

/** Declared members: only those bm-xmpp uses. */
public abstract class AuthenticationProcessor extends S2SAbstractProcessor {

    protected static AuthenticatorSelectorManager authenticatorSelectorManager;

    public AuthenticationProcessor() {
    }
}
