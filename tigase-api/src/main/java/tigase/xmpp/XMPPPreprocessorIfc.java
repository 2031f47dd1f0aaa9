package tigase.xmpp;

import java.util.Map;
import java.util.Queue;
import tigase.db.NonAuthUserRepository;
import tigase.server.Packet;

/** Declared members: only those bm-xmpp uses. */
public interface XMPPPreprocessorIfc extends XMPPImplIfc {

    boolean preProcess(Packet packet, XMPPResourceConnection session, NonAuthUserRepository repo, Queue<Packet> results,
            Map<String, Object> settings);
}
