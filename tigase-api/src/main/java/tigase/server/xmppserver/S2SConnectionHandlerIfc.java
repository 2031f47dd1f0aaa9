package tigase.server.xmppserver;

import tigase.xmpp.XMPPIOService;

/** Declared members: only those bm-xmpp uses. */
public interface S2SConnectionHandlerIfc<IO extends XMPPIOService<?>> {

    CIDConnections getCIDConnections(CID cid, boolean createNew) throws NotLocalhostException, LocalhostException;

    void writeRawData(IO serv, String strError);
}
