package tigase.server.xmppserver;

import java.util.Set;
import tigase.server.Packet;

/** Declared members: only those bm-xmpp uses. */
public interface S2SConnectionSelector {

    S2SConnection selectConnection(Packet packet, Set<S2SConnection> outgoing);
}
