package tigase.xmpp;

/** Declared members: only those bm-xmpp uses. */
public abstract class XMPPProcessor implements XMPPImplIfc {

    @Override
    public String id() {
        throw new UnsupportedOperationException();
    }

    public tigase.xml.Element[] supDiscoFeatures(XMPPResourceConnection session) {
        throw new UnsupportedOperationException();
    }

    @Override
    public final int compareTo(XMPPImplIfc proc) {
        throw new UnsupportedOperationException();
    }
}
