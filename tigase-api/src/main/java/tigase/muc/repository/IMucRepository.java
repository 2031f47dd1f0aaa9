package tigase.muc.repository;

import tigase.muc.Room;
import tigase.xmpp.jid.BareJID;

/** Declared members (tigase-muc 3.4.0): only those bm-xmpp uses (it throws RepositoryException and MUCException). */
public interface IMucRepository {

    Room getRoom(BareJID roomJID) throws Exception;
}
