package tigase.muc;

import tigase.xmpp.jid.BareJID;

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
}
