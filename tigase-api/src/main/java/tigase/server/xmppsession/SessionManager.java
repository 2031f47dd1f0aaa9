package tigase.server.xmppsession;

import java.util.Map;
import tigase.server.Packet;
import tigase.xmpp.XMPPProcessorIfc;

/** Declared members: only those bm-xmpp uses (the parent of session-manager beans, its loaded processors). */
public class SessionManager {

    /** Queues a packet for the session manager, as the message router does (AbstractMessageReceiver). */
    public boolean addPacket(Packet packet) {
        throw new UnsupportedOperationException();
    }

    public Map<String, XMPPProcessorIfc> getProcessors() {
        throw new UnsupportedOperationException();
    }
}
