package net.bluemind.xmpp.files.tigase;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import net.bluemind.xmpp.files.web.WebCors;

/**
 * The upload servlet ({@link FramedDownloadServlet}: Tigase's, downloads framed once) with CORS for the pages of
 * {@code web-origins} only. tigase-http-api 2.4.0 answers every GET, HEAD, PUT and OPTIONS with
 * {@code Access-Control-Allow-Origin: *}: any site's page could upload to a slot it learnt and read every file. Here
 * a preflight is answered from {@link WebCors} (granted: 200 and the CORS headers; refused: 403 and why), and the
 * other requests go to Tigase's code with {@link WebCors}'s headers instead of Tigase's.
 */
public class OriginCheckedFileServlet extends FramedDownloadServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(OriginCheckedFileServlet.class.getName());

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        WebCors cors = ConfiguredWeb.cors();
        String origin = req.getHeader("Origin");
        String requestMethod = req.getHeader("Access-Control-Request-Method");
        if (WebCors.isPreflight(req.getMethod(), origin, requestMethod)) {
            WebCors.Preflight answer = cors.preflight(origin, requestMethod,
                    req.getHeader("Access-Control-Request-Headers"));
            answer.headers().forEach(resp::setHeader);
            if (answer.granted()) {
                resp.setStatus(answer.status());
            } else {
                LOG.log(Level.FINE, "bm-xmpp: upload preflight refused: {0}", answer.reason());
                resp.sendError(answer.status(), answer.reason());
            }
            return;
        }
        super.service(req, new OriginCorsResponse(resp, cors.forRequest(origin)));
    }
}
