package tigase.component;

import java.util.Collection;
import tigase.component.responses.AsyncCallback;
import tigase.server.Packet;

/** Declared members: only those bm-xmpp uses. */
public interface PacketWriter {

    void write(Collection<Packet> packets);

    void write(final Packet packet);

    public void write(Packet packet, AsyncCallback callback);
}
