package tigase.muc;

/** Declared members (tigase-muc 3.4.0): only those bm-xmpp uses. */
public class RoomAffiliation {

    private RoomAffiliation() {
    }

    public Affiliation getAffiliation() {
        throw new UnsupportedOperationException("declaration only");
    }
}
