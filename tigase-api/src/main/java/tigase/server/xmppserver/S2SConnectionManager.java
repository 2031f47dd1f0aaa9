package tigase.server.xmppserver;

/** Declared members: only those bm-xmpp uses. */
public class S2SConnectionManager {

    public static final String CID_KEY = "cid";

    public S2SConnectionManager() {
    }

    protected S2SIOService getXMPPIOServiceInstance() {
        throw new UnsupportedOperationException("declaration only");
    }
}
