package tigase.server.xmppserver;

import java.util.Map;
import tigase.server.Packet;

/** Declared members: only those bm-xmpp uses. */
public class S2SConnectionManager {

    public static final String CID_KEY = "cid";

    protected Map<CID, CIDConnections> cidConnections;

    public S2SConnectionManager() {
    }

    public boolean addOutPacket(Packet packet) {
        throw new UnsupportedOperationException("declaration only");
    }

    public void initNewConnection(Map<String, Object> port_props) {
        throw new UnsupportedOperationException("declaration only");
    }

    public void processPacket(Packet packet) {
        throw new UnsupportedOperationException("declaration only");
    }

    public void reconnectionFailed(Map<String, Object> port_props) {
        throw new UnsupportedOperationException("declaration only");
    }

    public void serviceStarted(S2SIOService serv) {
        throw new UnsupportedOperationException("declaration only");
    }

    protected CIDConnections createNewCIDConnections(CID cid) throws NotLocalhostException, LocalhostException {
        throw new UnsupportedOperationException("declaration only");
    }

    protected S2SIOService getXMPPIOServiceInstance() {
        throw new UnsupportedOperationException("declaration only");
    }
}
