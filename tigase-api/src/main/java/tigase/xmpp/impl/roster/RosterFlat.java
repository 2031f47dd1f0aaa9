package tigase.xmpp.impl.roster;

import java.util.Map;
import tigase.xmpp.XMPPResourceConnection;
import tigase.xmpp.jid.BareJID;

/** Declared members: only those bm-xmpp uses. */
public class RosterFlat extends RosterAbstract {

    public static boolean parseRosterUtil(String roster_str, Map<BareJID, RosterElement> roster,
            XMPPResourceConnection session) {
        throw new UnsupportedOperationException();
    }
}
