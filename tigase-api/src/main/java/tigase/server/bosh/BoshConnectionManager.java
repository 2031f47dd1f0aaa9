package tigase.server.bosh;

/** Declared members: Tigase's BOSH connection manager (bean bosh), whose response headers bm-xmpp sets. */
public class BoshConnectionManager {

    public BoshConnectionManager() {
        throw new UnsupportedOperationException();
    }

    public String getExtraHeaders() {
        throw new UnsupportedOperationException();
    }
}
