package tigase.xmpp;

/** Declared members: only those bm-xmpp uses. */
public class NotAuthorizedException extends XMPPException {

    private static final long serialVersionUID = 1L;

    public NotAuthorizedException(String message) {
        super(message);
    }
}
