package tigase.xmpp;

import java.util.Map;
import java.util.Queue;
import tigase.db.NonAuthUserRepository;
import tigase.server.Packet;
import tigase.xmpp.impl.annotation.AnnotatedXMPPProcessor;
import tigase.xmpp.jid.JID;

/** Declared members: only those bm-xmpp uses. */
public abstract class XMPPProcessorAbstract extends AnnotatedXMPPProcessor implements XMPPProcessorIfc {

    @Override
    public void process(Packet packet, XMPPResourceConnection session, NonAuthUserRepository repo,
            Queue<Packet> results, Map<String, Object> settings) throws XMPPException {
        throw new UnsupportedOperationException();
    }

    public void processFromUserPacket(JID connectionId, Packet packet, XMPPResourceConnection session,
            NonAuthUserRepository repo, Queue<Packet> results, Map<String, Object> settings)
            throws PacketErrorTypeException {
        throw new UnsupportedOperationException();
    }

    public void processFromUserOutPacket(JID connectionId, Packet packet, XMPPResourceConnection session,
            NonAuthUserRepository repo, Queue<Packet> results, Map<String, Object> settings)
            throws PacketErrorTypeException {
        throw new UnsupportedOperationException();
    }

    public abstract void processFromUserToServerPacket(JID connectionId, Packet packet, XMPPResourceConnection session,
            NonAuthUserRepository repo, Queue<Packet> results, Map<String, Object> settings)
            throws PacketErrorTypeException;

    public void processNullSessionPacket(Packet packet, NonAuthUserRepository repo, Queue<Packet> results,
            Map<String, Object> settings) throws PacketErrorTypeException {
        throw new UnsupportedOperationException();
    }

    public abstract void processServerSessionPacket(Packet packet, XMPPResourceConnection session,
            NonAuthUserRepository repo, Queue<Packet> results, Map<String, Object> settings)
            throws PacketErrorTypeException;

    public void processToUserPacket(Packet packet, XMPPResourceConnection session, NonAuthUserRepository repo,
            Queue<Packet> results, Map<String, Object> settings) throws PacketErrorTypeException {
        throw new UnsupportedOperationException();
    }
}
