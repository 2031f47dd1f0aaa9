package tigase.db;

import tigase.xmpp.jid.BareJID;

/** Declared members: only those bm-xmpp uses. */
public interface UserRepository extends Repository {

    String getData(BareJID user, String subnode, String key, String def)
            throws UserNotFoundException, TigaseDBException;

    boolean userExists(BareJID user);
}
