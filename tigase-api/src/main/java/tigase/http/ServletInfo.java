package tigase.http;

import javax.servlet.http.HttpServlet;

/** Declared members (tigase-http-api 2.4.0): only those bm-xmpp uses. */
public class ServletInfo {

    public ServletInfo(String name, Class<? extends HttpServlet> servletClass) {
    }

    public ServletInfo addInitParam(String key, String value) {
        throw new UnsupportedOperationException("declaration only");
    }

    public ServletInfo addMapping(String mapping) {
        throw new UnsupportedOperationException("declaration only");
    }
}
