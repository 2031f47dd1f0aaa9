package tigase.auth;

import tigase.xmpp.XMPPResourceConnection;

public interface SessionAware extends Aware {

    void setSession(XMPPResourceConnection session);
}
