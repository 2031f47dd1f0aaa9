package tigase.xmpp;

/** Declared members: only those bm-xmpp uses. */
public class XMPPException extends Exception {

    private static final long serialVersionUID = 1L;

    public XMPPException(String message) {
        super(message);
    }
}
