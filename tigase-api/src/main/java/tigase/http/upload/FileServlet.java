package tigase.http.upload;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Declared members (tigase-http-api 2.4.0): only those bm-xmpp uses. */
public class FileServlet extends HttpServlet {

    public FileServlet() {
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        throw new UnsupportedOperationException("declaration only");
    }
}
