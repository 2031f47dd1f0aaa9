package tigase.db.jdbc;

import tigase.db.DBInitException;
import tigase.db.DataRepository;
import tigase.db.TigaseDBException;
import tigase.db.UserNotFoundException;
import tigase.xmpp.jid.BareJID;

/** Declared members: only those bm-xmpp uses (Tigase's user store over JDBC: Derby, PostgreSQL, ...). */
public class JDBCRepository {

    public static final String DEF_NODES_TBL = "tig_nodes";
    public static final String DEF_PAIRS_TBL = "tig_pairs";
    public static final String DEF_ROOT_NODE = "root";

    public JDBCRepository() {
    }

    public void setDataSource(DataRepository dataSource) throws DBInitException {
        throw new UnsupportedOperationException();
    }

    public String getData(BareJID user, String subnode, String key, String def)
            throws UserNotFoundException, TigaseDBException {
        throw new UnsupportedOperationException();
    }

    public long getUserUID(BareJID user) throws TigaseDBException {
        throw new UnsupportedOperationException();
    }

    protected DataRepository getRepository() {
        throw new UnsupportedOperationException();
    }
}
