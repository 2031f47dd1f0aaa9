package net.bluemind.xmpp.files.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.bluemind.xmpp.common.settings.Keys;
import net.bluemind.xmpp.common.settings.Settings;
import net.bluemind.xmpp.common.settings.WebOrigin;

/**
 * CORS for the URLs bm-xmpp serves on Tigase's HTTP server: the HTTP File Upload URLs (XEP-0363 PUT and GET) and
 * host-meta (XEP-0156): which web pages may use them, and the headers that tell the browser so. Only pages of {@code web-origins} (BlueMind's external URL) get an
 * {@code Access-Control-Allow-Origin}, naming their own origin (never {@code *}); every answer carries
 * {@code Vary: Origin}, so that a cache never hands one origin's answer to another.
 */
public final class WebCors {

    /** What a page may do with an upload URL; HEAD and GET read a file, PUT uploads it. */
    static final Set<String> METHODS = Set.of("GET", "HEAD", "PUT");
    /** The only request header an upload needs beyond the simple ones (XEP-0363: the slot's content type). */
    static final Set<String> HEADERS = Set.of("content-type");
    static final String MAX_AGE_SECONDS = "86400";

    private final List<String> allowed;

    /** @param allowed origins as {@code web-origins} holds them (scheme://host[:port], lower case) */
    public WebCors(List<String> allowed) {
        this.allowed = allowed.stream().map(WebOrigin::normalized).toList();
    }

    public static WebCors from(Settings settings) {
        return new WebCors(settings.get(Keys.WEB_ORIGINS));
    }

    public List<String> allowed() {
        return allowed;
    }

    /**
     * The CORS headers of an actual request (GET, HEAD, PUT).
     *
     * @param origin the request's Origin header, null when it has none (not a browser's cross-origin request)
     */
    public Map<String, String> forRequest(String origin) {
        Map<String, String> h = new LinkedHashMap<>();
        if (allows(origin)) {
            h.put("Access-Control-Allow-Origin", origin.trim());
        }
        h.put("Vary", "Origin");
        return h;
    }

    /**
     * The answer to a preflight (OPTIONS with Access-Control-Request-Method): granted when the page's origin is
     * allowed and it asks for a method and headers an upload or download needs, refused (403, no CORS header)
     * otherwise, with the reason.
     */
    public Preflight preflight(String origin, String requestMethod, String requestHeaders) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Vary", "Origin");
        if (!allows(origin)) {
            return new Preflight(false, h, "origin " + origin + " is not in web-origins");
        }
        String method = requestMethod == null ? "" : requestMethod.trim().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            return new Preflight(false, h, "method " + requestMethod + " is not allowed on upload URLs");
        }
        for (String header : requestHeaders == null ? new String[0] : requestHeaders.split(",")) {
            String name = header.trim().toLowerCase(Locale.ROOT);
            if (!name.isEmpty() && !HEADERS.contains(name)) {
                return new Preflight(false, h, "request header " + name + " is not allowed on upload URLs");
            }
        }
        h.put("Access-Control-Allow-Origin", origin.trim());
        h.put("Access-Control-Allow-Methods", "GET, HEAD, PUT, OPTIONS");
        h.put("Access-Control-Allow-Headers", "Content-Type");
        h.put("Access-Control-Max-Age", MAX_AGE_SECONDS);
        return new Preflight(true, h, "granted");
    }

    /** A preflight is a request that names the method it prepares; a plain OPTIONS is not one. */
    public static boolean isPreflight(String method, String origin, String requestMethod) {
        return "OPTIONS".equalsIgnoreCase(method) && origin != null && requestMethod != null;
    }

    /** Whether pages of this origin may use the upload URLs; a request without Origin is no page's. */
    public boolean allows(String origin) {
        return origin != null && allowed.contains(WebOrigin.normalized(origin));
    }

    /**
     * A preflight's answer: {@code granted} → 200 with these headers; refused → 403 with {@code Vary} only and
     * {@code reason} as the body, so that whoever looks at the browser's network panel reads why.
     */
    public record Preflight(boolean granted, Map<String, String> headers, String reason) {
        public int status() {
            return granted ? 200 : 403;
        }
    }
}
