package tigase.xmpp;

import java.util.Queue;
import tigase.db.NonAuthUserRepository;
import tigase.server.Packet;

/** Declared members: only those bm-xmpp uses. */
public interface XMPPPacketFilterIfc extends XMPPImplIfc {

    void filter(Packet packet, XMPPResourceConnection session, NonAuthUserRepository repo, Queue<Packet> results);
}
