package net.bluemind.xmpp.files.tigase;

import java.util.Locale;
import java.util.Map;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;

/**
 * A response that carries bm-xmpp's CORS headers and none of the servlet's own: tigase-http-api 2.4.0's FileServlet
 * sets {@code Access-Control-Allow-Origin: *} on every GET, HEAD and PUT, which would let any web site's page read
 * and upload files; every {@code Access-Control-*} header the servlet sets is dropped, everything else passes.
 */
final class OriginCorsResponse extends HttpServletResponseWrapper {

    OriginCorsResponse(HttpServletResponse response, Map<String, String> corsHeaders) {
        super(response);
        corsHeaders.forEach(response::setHeader);
    }

    @Override
    public void setHeader(String name, String value) {
        if (!isCors(name)) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!isCors(name)) {
            super.addHeader(name, value);
        }
    }

    static boolean isCors(String name) {
        return name != null && name.toLowerCase(Locale.ROOT).startsWith("access-control-");
    }
}
