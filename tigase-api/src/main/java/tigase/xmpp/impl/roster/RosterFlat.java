package tigase.xmpp.impl.roster;

import java.util.List;
import java.util.Map;
import tigase.db.TigaseDBException;
import tigase.xml.Element;
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

    public boolean containsBuddy(XMPPResourceConnection session, JID buddy)
            throws NotAuthorizedException, TigaseDBException {
        throw new UnsupportedOperationException();
    }

    protected Map<BareJID, RosterElement> getUserRoster(XMPPResourceConnection session)
            throws NotAuthorizedException, TigaseDBException {
        throw new UnsupportedOperationException();
    }

    public List<Element> getRosterItems(XMPPResourceConnection session)
            throws NotAuthorizedException, TigaseDBException {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setBuddyName(XMPPResourceConnection session, JID buddy, String name)
            throws NotAuthorizedException, TigaseDBException {
        throw new UnsupportedOperationException();
    }
}
