package tigase.server.xmppserver;

/** Declared members: only those bm-xmpp uses. */
public class CID {

    public CID(String localHost, String remoteHost) {
    }

    public String getLocalHost() {
        throw new UnsupportedOperationException("declaration only");
    }

    public String getRemoteHost() {
        throw new UnsupportedOperationException("declaration only");
    }
}
