package tigase.xmpp.impl;

import java.util.Map;
import java.util.Queue;
import tigase.db.NonAuthUserRepository;
import tigase.server.Packet;
import tigase.xmpp.XMPPException;
import tigase.xmpp.XMPPProcessor;
import tigase.xmpp.XMPPProcessorIfc;
import tigase.xmpp.XMPPResourceConnection;

/** Declared members: only those bm-xmpp uses. */
public class JabberIqRoster extends XMPPProcessor implements XMPPProcessorIfc {

    @Override
    public void process(Packet packet, XMPPResourceConnection session, NonAuthUserRepository repo,
            Queue<Packet> results, Map<String, Object> settings) throws XMPPException {
        throw new UnsupportedOperationException();
    }
}
