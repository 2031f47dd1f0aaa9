package tigase.xmpp;

import java.util.Map;
import java.util.Queue;
import tigase.server.Packet;

/** Declared members: only those bm-xmpp uses. */
public interface XMPPStopListenerIfc extends XMPPImplIfc {

    void stopped(XMPPResourceConnection session, Queue<Packet> results, Map<String, Object> settings);
}
