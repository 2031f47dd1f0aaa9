package tigase.xmpp;

/** Declared members: only those bm-xmpp uses. */
@Deprecated
public class PacketErrorTypeException extends XMPPException {

    private static final long serialVersionUID = 1L;

    public PacketErrorTypeException(String message) {
        super(message);
    }
}
