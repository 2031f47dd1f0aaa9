package net.bluemind.xmpp.files.tigase;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import tigase.http.upload.FileServlet;

/**
 * Tigase's upload servlet with downloads that strict HTTP clients and proxies accept. tigase-http-api 2.4.0 answers a
 * GET with {@code Content-Length: <size>} set by the servlet, while its JDK HTTP server starts every streamed body
 * with {@code sendResponseHeaders(status, 0)}, which means "chunked" on HTTP/1.1: the response carries both headers
 * and a chunked body. RFC 9112 6.3 forbids that; clients that trust the length read the chunk sizes as file bytes,
 * nginx 1.23+ refuses the response. Here the servlet's length is withheld on GET, so the JDK server frames the body
 * alone (chunked on HTTP/1.1, closed connection on HTTP/1.0, as nginx's default proxy_pass speaks). HEAD, PUT and
 * OPTIONS are Tigase's, unchanged: HEAD still reports the file's size.
 */
public class FramedDownloadServlet extends FileServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        super.doGet(req, new StreamedBodyResponse(resp));
    }
}
