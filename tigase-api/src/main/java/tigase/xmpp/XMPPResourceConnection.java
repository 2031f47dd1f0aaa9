package tigase.xmpp;

import tigase.xmpp.jid.BareJID;
import tigase.xmpp.jid.JID;

/** Declared members: only those bm-xmpp uses. */
public class XMPPResourceConnection {

    // Not constructible here: the real constructors take server internals no plugin builds.
    private XMPPResourceConnection() {
    }

    public final BareJID getBareJID() throws NotAuthorizedException {
        throw new UnsupportedOperationException();
    }

    public JID getConnectionId() throws NoConnectionIdException {
        throw new UnsupportedOperationException();
    }

    public JID getConnectionId(JID jid) throws NoConnectionIdException {
        throw new UnsupportedOperationException();
    }

    public boolean isAuthorized() {
        throw new UnsupportedOperationException();
    }

    public boolean isLocalDomain(String outDomain, boolean includeComponents) {
        throw new UnsupportedOperationException();
    }
}
