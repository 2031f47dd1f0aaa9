package tigase.xmpp.jid;

/** Declared members: only those bm-xmpp uses. */
public final class BareJID implements Comparable<BareJID> {

    private BareJID() {
    }

    public static BareJID bareJIDInstanceNS(String jid) {
        throw new UnsupportedOperationException();
    }

    public String getDomain() {
        throw new UnsupportedOperationException();
    }

    public String getLocalpart() {
        throw new UnsupportedOperationException();
    }

    @Override
    public int compareTo(BareJID o) {
        throw new UnsupportedOperationException();
    }
}
