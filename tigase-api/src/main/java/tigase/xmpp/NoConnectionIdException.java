package tigase.xmpp;

/** Declared members: only those bm-xmpp uses. */
public class NoConnectionIdException extends XMPPException {

    private static final long serialVersionUID = 1L;

    public NoConnectionIdException(String message) {
        super(message);
    }
}
