package net.bluemind.xmpp.auth.web;

import java.util.List;
import net.bluemind.xmpp.common.settings.Keys;
import net.bluemind.xmpp.common.settings.Settings;
import net.bluemind.xmpp.common.settings.WebOrigin;

/**
 * Which web pages may use the browser transports (BOSH, WebSocket): the origins of {@code web-origins},
 * normally BlueMind's external URL. A connection without an Origin header is not a web page (a desktop or
 * mobile client, a script) and is not concerned; a page of any other origin is refused.
 */
public final class WebOrigins {

    private final List<String> allowed;

    public WebOrigins(List<String> allowed) {
        this.allowed = allowed.stream().map(WebOrigin::normalized).toList();
    }

    public static WebOrigins from(Settings settings) {
        return new WebOrigins(settings.get(Keys.WEB_ORIGINS));
    }

    /** @param origin the request's Origin header, null when it has none */
    public boolean allows(String origin) {
        return origin == null || allowed.contains(WebOrigin.normalized(origin));
    }

    public List<String> allowed() {
        return allowed;
    }

    /**
     * The CORS headers of every BOSH answer (CRLF-terminated lines): the browser lets a page read BOSH answers,
     * and send its requests at all (they are preflighted), only when its origin is the one named here. CORS
     * names a single origin: the first of the list; none (nothing configured) lets no page in.
     */
    public String corsHeaders() {
        StringBuilder h = new StringBuilder();
        if (!allowed.isEmpty()) {
            h.append("Access-Control-Allow-Origin: ").append(allowed.get(0)).append("\r\n");
        }
        h.append("Access-Control-Allow-Methods: GET, POST, OPTIONS\r\n")
                .append("Access-Control-Allow-Headers: Content-Type\r\n")
                .append("Access-Control-Max-Age: 86400\r\n")
                .append("Vary: Origin\r\n");
        return h.toString();
    }
}
