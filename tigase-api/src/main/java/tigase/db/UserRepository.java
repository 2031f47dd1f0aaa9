package tigase.db;

import tigase.xmpp.jid.BareJID;

/** Declared members: only those bm-xmpp uses. */
public interface UserRepository extends Repository {

    String getData(BareJID user, String subnode, String key, String def)
            throws UserNotFoundException, TigaseDBException;

    void setData(BareJID user, String subnode, String key, String value)
            throws UserNotFoundException, TigaseDBException;

    void removeData(BareJID user, String subnode, String key) throws UserNotFoundException, TigaseDBException;

    boolean userExists(BareJID user);
}
