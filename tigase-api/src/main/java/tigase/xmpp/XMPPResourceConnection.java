package tigase.xmpp;

import tigase.xml.Element;
import tigase.xmpp.jid.BareJID;
import tigase.xmpp.jid.JID;

/** Declared members: only those bm-xmpp uses. */
public class XMPPResourceConnection {

    /** Session data key of the user's last presence (what {@link #getPresence()} returns). */
    public static final String PRESENCE_KEY = "user-presence";

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

    public java.util.List<XMPPResourceConnection> getActiveSessions() throws NotAuthorizedException {
        throw new UnsupportedOperationException();
    }

    public boolean isUserId(BareJID bareJID) throws NotAuthorizedException {
        throw new UnsupportedOperationException();
    }

    public boolean isAuthorized() {
        throw new UnsupportedOperationException();
    }

    public boolean isLocalDomain(String outDomain, boolean includeComponents) {
        throw new UnsupportedOperationException();
    }

    public Element getPresence() {
        throw new UnsupportedOperationException();
    }

    public final void putSessionData(final String key, final Object value) {
        throw new UnsupportedOperationException();
    }

    public final Object getSessionData(final String key) {
        throw new UnsupportedOperationException();
    }

    public final void removeSessionData(final String key) {
        throw new UnsupportedOperationException();
    }
}
