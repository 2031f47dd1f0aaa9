package tigase.server.xmppserver;

import tigase.xmpp.XMPPIOService;

/** Declared members: only those bm-xmpp uses. */
public class S2SIOService extends XMPPIOService<Object> {

    public S2SIOService() {
    }
}
