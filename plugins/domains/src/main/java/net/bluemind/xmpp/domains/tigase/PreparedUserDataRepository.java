package net.bluemind.xmpp.domains.tigase;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import tigase.db.DBInitException;
import tigase.db.DataRepository;
import tigase.db.TigaseDBException;
import tigase.db.UserNotFoundException;
import tigase.db.jdbc.JDBCRepository;
import tigase.xmpp.jid.BareJID;

/**
 * Tigase's user store (rosters, privacy lists, settings; {@code userRepository} in init.properties) whose reads of
 * one value compile no SQL. Tigase 8.4.0's {@code JDBCRepository} finds the node holding a value with a query it
 * writes out with the user's number in it ({@code getNodeNID}), not a prepared statement, and remembers only nodes
 * it found, for 60 s. Every login reads values of nodes most users never have (the privacy plugin's default list,
 * the domain filter's allowed domains), so every login made Derby parse and plan a new query, several milliseconds
 * of CPU each: 85% of the SASL step's server time and about 40% of the server's CPU in a login storm
 * (scripts/bench.sh e2e, JFR; docs/developers-guide.md, "Known Tigase issues").
 * <p>
 * {@link #getData(BareJID, String, String, String)} of the root node or of a node one level below it (all those
 * reads) runs one prepared statement instead: the node and the value in one query, on Tigase's own tables. The
 * user's number comes from Tigase ({@code getUserUID}, prepared and cached); an unknown user, a deeper node and
 * every write go to Tigase's own code, unchanged. Same answers: the value, or {@code def} when the node or the
 * key is missing.
 */
public class PreparedUserDataRepository extends JDBCRepository {

    /** A value of the user's root node. Parameters: the user's number, the key. */
    static final String ROOT_VALUE = "select p.pval from " + DEF_NODES_TBL + " r, " + DEF_PAIRS_TBL + " p"
            + " where r.uid = ? and r.parent_nid is null and r.node = '" + DEF_ROOT_NODE + "'"
            + " and p.nid = r.nid and p.pkey = ?";
    /** A value of a node just below the root. Parameters: the user's number, the node's name, the key. */
    static final String CHILD_VALUE = "select p.pval from " + DEF_NODES_TBL + " r, " + DEF_NODES_TBL + " n, "
            + DEF_PAIRS_TBL + " p where r.uid = ? and r.parent_nid is null and r.node = '" + DEF_ROOT_NODE + "'"
            + " and n.parent_nid = r.nid and n.node = ? and p.nid = n.nid and p.pkey = ?";

    @Override
    public void setDataSource(DataRepository dataSource) throws DBInitException {
        super.setDataSource(dataSource);
        try {
            dataSource.initPreparedStatement(ROOT_VALUE, ROOT_VALUE);
            dataSource.initPreparedStatement(CHILD_VALUE, CHILD_VALUE);
        } catch (SQLException e) {
            throw new DBInitException("cannot prepare the user data reads", e);
        }
    }

    @Override
    public String getData(BareJID user, String subnode, String key, String def)
            throws UserNotFoundException, TigaseDBException {
        String node = nodeBelowRoot(subnode);
        if (key == null || NESTED.equals(node)) {
            return super.getData(user, subnode, key, def);
        }
        long uid = getUserUID(user);
        if (uid <= 0) {
            return super.getData(user, subnode, key, def); // Tigase creates the user (autoCreateUser) or says why not
        }
        DataRepository repo = getRepository();
        try {
            PreparedStatement st = repo.getPreparedStatement(user, node == null ? ROOT_VALUE : CHILD_VALUE);
            synchronized (st) { // Tigase's own use of its pooled statements
                ResultSet rs = null;
                try {
                    st.setLong(1, uid);
                    if (node == null) {
                        st.setString(2, key);
                    } else {
                        st.setString(2, node);
                        st.setString(3, key);
                    }
                    rs = st.executeQuery();
                    return rs.next() ? rs.getString(1) : def;
                } finally {
                    repo.release(null, rs);
                }
            }
        } catch (SQLException e) {
            throw new TigaseDBException("Error getting user data for: " + user + "/" + subnode + "/" + key, e);
        }
    }

    /** What {@link #nodeBelowRoot} answers for a node deeper than one level. */
    static final String NESTED = "/";

    /**
     * The node below the root that a Tigase subnode path names ({@code "privacy"}, {@code "/privacy/"}), null for the
     * root itself (null or only slashes), {@link #NESTED} for a deeper path; Tigase ignores empty path segments.
     */
    static String nodeBelowRoot(String subnode) {
        if (subnode == null) {
            return null;
        }
        String node = null;
        for (String part : subnode.split("/")) {
            if (!part.isEmpty()) {
                if (node != null) {
                    return NESTED;
                }
                node = part;
            }
        }
        return node;
    }
}
