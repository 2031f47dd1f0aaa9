package tigase.muc;

/** Declared members (tigase-muc 3.4.0): only those bm-xmpp uses. */
public class RoomConfig {

    private RoomConfig() {
    }

    public Integer getMaxHistory() {
        throw new UnsupportedOperationException("declaration only");
    }
}
