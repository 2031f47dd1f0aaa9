package net.bluemind.xmpp.files.tigase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import net.bluemind.xmpp.files.web.HostMeta;

/**
 * {@code /.well-known/host-meta} (XRD) and {@code /.well-known/host-meta.json} (JRD) from {@link HostMeta}, with
 * {@code web-origins}' CORS headers (a page fetches it with XMLHttpRequest/fetch); 404 when there is nothing to tell
 * or for any other path.
 */
public class HostMetaServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        HostMeta hostMeta = ConfiguredWeb.hostMeta();
        String path = req.getPathInfo() == null ? req.getServletPath() : req.getServletPath() + req.getPathInfo();
        ConfiguredWeb.cors().forRequest(req.getHeader("Origin")).forEach(resp::setHeader);
        boolean json = path.endsWith("/host-meta.json");
        if (hostMeta.isEmpty() || !json && !path.endsWith("/host-meta")) {
            resp.sendError(404, hostMeta.isEmpty() ? "no web-websocket-url nor web-bosh-url configured" : "not found");
            return;
        }
        byte[] body = (json ? hostMeta.json() : hostMeta.xrd()).getBytes(StandardCharsets.UTF_8);
        resp.setHeader("Content-Type", json ? "application/json" : "application/xrd+xml; charset=utf-8");
        resp.setStatus(200);
        resp.getOutputStream().write(body);
        resp.getOutputStream().flush();
    }
}
