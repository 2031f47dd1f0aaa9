package tigase.db;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import tigase.xmpp.jid.BareJID;

/** Declared members: only those bm-xmpp uses. */
public interface DataRepository extends DataSource {

    void initPreparedStatement(String stIdKey, String query) throws SQLException;

    PreparedStatement getPreparedStatement(BareJID user, String stIdKey) throws SQLException;

    void release(Statement stmt, ResultSet rs);
}
