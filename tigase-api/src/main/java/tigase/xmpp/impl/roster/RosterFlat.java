package tigase.xmpp.impl.roster;

import java.util.Map;
import tigase.db.TigaseDBException;
import tigase.xmpp.NotAuthorizedException;
import tigase.xmpp.XMPPResourceConnection;
import tigase.xmpp.jid.BareJID;
import tigase.xmpp.jid.JID;

/** Declared members: only those bm-xmpp uses. */
public class RosterFlat extends RosterAbstract {

    public static boolean parseRosterUtil(String roster_str, Map<BareJID, RosterElement> roster,
            XMPPResourceConnection session) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setBuddyName(XMPPResourceConnection session, JID buddy, String name)
            throws NotAuthorizedException, TigaseDBException {
        throw new UnsupportedOperationException();
    }
}
