package net.bluemind.xmpp.auth.tigase;

import java.util.logging.Logger;
import net.bluemind.xmpp.auth.web.WebOrigins;
import net.bluemind.xmpp.common.settings.Settings;
import net.bluemind.xmpp.common.settings.SettingsException;
import tigase.server.bosh.BoshConnectionManager;

/**
 * Tigase's BOSH connection manager (bean {@code bosh}) answering with CORS headers for the origin of
 * {@code web-origins} instead of the {@code Access-Control-Allow-Origin: *} of Tigase's stock
 * etc/bosh-extra-headers.txt: browsers then let only that origin's pages talk BOSH to the server.
 */
public class BoshOrigins extends BoshConnectionManager {

    private static final Logger LOG = Logger.getLogger(BoshOrigins.class.getName());

    private final String headers;

    public BoshOrigins() {
        WebOrigins o;
        try {
            o = WebOrigins.from(Settings.fromSystemProperties());
        } catch (SettingsException e) {
            LOG.severe("bm-xmpp: " + e.getMessage() + "; BOSH is closed to every web page");
            o = new WebOrigins(java.util.List.of());
        }
        headers = o.corsHeaders();
        LOG.info("bm-xmpp: BOSH accepts web pages of " + (o.allowed().isEmpty() ? "no origin (web-origins is empty)"
                : o.allowed().get(0)));
    }

    @Override
    public String getExtraHeaders() {
        return headers;
    }
}
