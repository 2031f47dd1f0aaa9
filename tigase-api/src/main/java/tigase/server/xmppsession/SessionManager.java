package tigase.server.xmppsession;

import java.util.Map;
import tigase.xmpp.XMPPProcessorIfc;

/** Declared members: only those bm-xmpp uses (the parent of session-manager beans, its loaded processors). */
public class SessionManager {

    public Map<String, XMPPProcessorIfc> getProcessors() {
        throw new UnsupportedOperationException();
    }
}
