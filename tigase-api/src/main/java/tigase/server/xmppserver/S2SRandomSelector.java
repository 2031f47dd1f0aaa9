package tigase.server.xmppserver;

import java.util.Set;
import tigase.server.Packet;

/** Declared members: only those bm-xmpp uses. */
public class S2SRandomSelector implements S2SConnectionSelector {

    public S2SRandomSelector() {
    }

    @Override
    public S2SConnection selectConnection(Packet packet, Set<S2SConnection> outgoing) {
        throw new UnsupportedOperationException("declaration only");
    }
}
