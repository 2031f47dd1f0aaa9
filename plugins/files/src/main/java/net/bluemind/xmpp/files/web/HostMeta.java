package net.bluemind.xmpp.files.web;

import java.util.ArrayList;
import java.util.List;
import net.bluemind.xmpp.common.settings.Keys;
import net.bluemind.xmpp.common.settings.Settings;

/**
 * XEP-0156 host-meta: where a web client finds the server's WebSocket and BOSH endpoints, as the browser reaches them
 * ({@code web-websocket-url}, {@code web-bosh-url}; behind BlueMind's nginx wss://&lt;external-url&gt;/xmpp-websocket
 * and https://&lt;external-url&gt;/http-bind). The same for every domain: one nginx serves them all.
 */
public final class HostMeta {

    static final String WEBSOCKET = "urn:xmpp:alt-connections:websocket";
    static final String BOSH = "urn:xmpp:alt-connections:xbosh";

    private final List<String[]> links = new ArrayList<>();

    /** @param websocketUrl the WebSocket URL, empty for none; @param boshUrl the BOSH URL, empty for none */
    public HostMeta(String websocketUrl, String boshUrl) {
        if (!websocketUrl.isEmpty()) {
            links.add(new String[] {WEBSOCKET, websocketUrl});
        }
        if (!boshUrl.isEmpty()) {
            links.add(new String[] {BOSH, boshUrl});
        }
    }

    public static HostMeta from(Settings settings) {
        return new HostMeta(settings.get(Keys.WEB_WEBSOCKET_URL), settings.get(Keys.WEB_BOSH_URL));
    }

    /** Nothing to tell (both settings empty): host-meta answers 404, clients fall back to their own defaults. */
    public boolean isEmpty() {
        return links.isEmpty();
    }

    /** {@code /.well-known/host-meta}: the XRD document (RFC 6415), {@code application/xrd+xml}. */
    public String xrd() {
        StringBuilder sb = new StringBuilder("<?xml version='1.0' encoding='utf-8'?>\n")
                .append("<XRD xmlns='http://docs.oasis-open.org/ns/xri/xrd-1.0'>\n");
        for (String[] l : links) {
            sb.append("  <Link rel='").append(l[0]).append("' href='").append(xmlEscaped(l[1])).append("'/>\n");
        }
        return sb.append("</XRD>\n").toString();
    }

    /** {@code /.well-known/host-meta.json}: the JRD document (RFC 6415 appendix A), {@code application/json}. */
    public String json() {
        StringBuilder sb = new StringBuilder("{\"links\":[");
        for (int i = 0; i < links.size(); i++) {
            sb.append(i == 0 ? "" : ",").append("{\"rel\":\"").append(links.get(i)[0]).append("\",\"href\":\"")
                    .append(jsonEscaped(links.get(i)[1])).append("\"}");
        }
        return sb.append("]}").toString();
    }

    private static String xmlEscaped(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("'", "&apos;").replace("\"", "&quot;");
    }

    private static String jsonEscaped(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
