package tigase.server.xmppclient;

import tigase.xmpp.XMPPIOService;

/** Declared members: only those bm-xmpp uses. */
public class ClientConnectionManager {

    public ClientConnectionManager() {
    }

    protected XMPPIOService<Object> getXMPPIOServiceInstance() {
        throw new UnsupportedOperationException("declaration only");
    }
}
