package tigase.server.xmppserver.proc;

import tigase.server.xmppserver.CID;
import tigase.server.xmppserver.CIDConnections;

/** Declared members: only those bm-xmpp uses. */
public class AuthenticatorSelectorManager {

    public AuthenticatorSelectorManager() {
    }

    public void authenticateConnection(String sessionId, CIDConnections cid_conns, CID cidPacket) {
        throw new UnsupportedOperationException("declaration only");
    }
}
