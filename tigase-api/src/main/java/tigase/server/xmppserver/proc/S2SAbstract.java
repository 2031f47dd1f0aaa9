package tigase.server.xmppserver.proc;

import tigase.server.xmppserver.S2SConnectionHandlerIfc;
import tigase.server.xmppserver.S2SIOService;

/** Declared members: only those bm-xmpp uses. */
public class S2SAbstract {

    protected S2SConnectionHandlerIfc<S2SIOService> handler;

    public S2SAbstract() {
    }
}
