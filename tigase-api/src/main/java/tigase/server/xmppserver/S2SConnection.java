package tigase.server.xmppserver;

/** Declared members: only those bm-xmpp uses. */
public class S2SConnection {

    private S2SConnection() {
    }

    public S2SIOService getS2SIOService() {
        throw new UnsupportedOperationException("declaration only");
    }
}
