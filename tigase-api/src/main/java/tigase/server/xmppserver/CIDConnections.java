package tigase.server.xmppserver;

import tigase.server.Packet;

/** Declared members: only those bm-xmpp uses. */
public class CIDConnections {

    private CIDConnections() {
    }

    public int getWaitingCount() {
        throw new UnsupportedOperationException("declaration only");
    }

    public void resetOutgoingInProgress() {
        throw new UnsupportedOperationException("declaration only");
    }

    public void sendPacket(Packet packet) {
        throw new UnsupportedOperationException("declaration only");
    }
}
