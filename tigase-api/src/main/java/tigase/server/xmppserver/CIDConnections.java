package tigase.server.xmppserver;

/** Declared members: only those bm-xmpp uses (none: passed through). */
public class CIDConnections {

    private CIDConnections() {
    }
}
