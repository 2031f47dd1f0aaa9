package net.bluemind.xmpp.auth.tigase;

import tigase.server.bosh.BoshConnectionManager;

/**
 * Tigase's BOSH connection manager (bean {@code bosh}) answering with CORS headers for the origin of
 * {@code web-origins} instead of the {@code Access-Control-Allow-Origin: *} of Tigase's stock
 * etc/bosh-extra-headers.txt: browsers then let only that origin's pages talk BOSH to the server.
 */
public class BoshOrigins extends BoshConnectionManager {

    private volatile String headers;

    @Override
    public String getExtraHeaders() {
        String h = headers;
        if (h == null) {
            h = ConfiguredOrigins.get().corsHeaders();
            headers = h;
        }
        return h;
    }
}
