package tigase.server.xmppserver;

import tigase.xmpp.XMPPException;

/** Declared members: only those bm-xmpp uses. */
public class NotLocalhostException extends XMPPException {

    private static final long serialVersionUID = 1L;

    private NotLocalhostException() {
        super(null);
    }
}
