package tigase.xmpp.jid;

/** Declared members: only those bm-xmpp uses. */
public final class JID implements Comparable<JID> {

    private JID() {
    }

    public static JID jidInstanceNS(String jid) {
        throw new UnsupportedOperationException();
    }

    public static JID jidInstanceNS(BareJID bareJid) {
        throw new UnsupportedOperationException();
    }

    public BareJID getBareJID() {
        throw new UnsupportedOperationException();
    }

    public String getResource() {
        throw new UnsupportedOperationException();
    }

    public String getDomain() {
        throw new UnsupportedOperationException();
    }

    public String getLocalpart() {
        throw new UnsupportedOperationException();
    }

    @Override
    public int compareTo(JID o) {
        throw new UnsupportedOperationException();
    }
}
