package tigase.xmpp.impl;

import java.util.Map;
import java.util.Queue;
import tigase.db.NonAuthUserRepository;
import tigase.db.TigaseDBException;
import tigase.server.Packet;
import tigase.xml.Element;
import tigase.xmpp.NotAuthorizedException;
import tigase.xmpp.XMPPException;
import tigase.xmpp.XMPPResourceConnection;
import tigase.xmpp.XMPPStopListenerIfc;

/** Declared members: only those bm-xmpp uses. */
public class PresenceState extends PresenceAbstract implements XMPPStopListenerIfc {

    @Override
    public void process(Packet packet, XMPPResourceConnection session, NonAuthUserRepository repo,
            Queue<Packet> results, Map<String, Object> settings) throws XMPPException {
        throw new UnsupportedOperationException();
    }

    @Override
    public void stopped(XMPPResourceConnection session, Queue<Packet> results, Map<String, Object> settings) {
        throw new UnsupportedOperationException();
    }

    public void rebroadcastPresence(XMPPResourceConnection session, Queue<Packet> results)
            throws NotAuthorizedException, TigaseDBException {
        throw new UnsupportedOperationException();
    }

    public interface ExtendedPresenceProcessorIfc {

        default Element extend(Element presence, XMPPResourceConnection session, Queue<Packet> results) {
            return extend(session, results);
        }

        Element extend(XMPPResourceConnection session, Queue<Packet> results);
    }
}
