package tigase.muc;

import java.util.Collection;
import tigase.xmpp.jid.BareJID;
import tigase.xmpp.jid.JID;

/** Declared members (tigase-muc 3.4.0): only those bm-xmpp uses. */
public class Room {

    private Room() {
    }

    public BareJID getRoomJID() {
        throw new UnsupportedOperationException("declaration only");
    }

    public RoomConfig getConfig() {
        throw new UnsupportedOperationException("declaration only");
    }

    public RoomAffiliation getAffiliation(BareJID jid) {
        throw new UnsupportedOperationException("declaration only");
    }

    public Role getRole(String nickname) {
        throw new UnsupportedOperationException("declaration only");
    }

    public String getOccupantsNickname(JID jid) {
        throw new UnsupportedOperationException("declaration only");
    }

    public Collection<JID> getOccupantsJidsByNickname(String nickname) {
        throw new UnsupportedOperationException("declaration only");
    }

    public Collection<BareJID> getAffiliations() {
        throw new UnsupportedOperationException("declaration only");
    }
}
