package tigase.server.xmppserver.proc;

import java.util.Queue;
import tigase.server.Packet;
import tigase.server.xmppserver.S2SIOService;

/** Declared members: only those bm-xmpp uses. */
public class Dialback extends AuthenticationProcessor {

    public Dialback() {
    }

    public boolean process(Packet p, S2SIOService serv, Queue<Packet> results) {
        throw new UnsupportedOperationException("declaration only");
    }

    protected boolean wasVerifyRequested(S2SIOService serv, String domain) {
        throw new UnsupportedOperationException("declaration only");
    }
}
