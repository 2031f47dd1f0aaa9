package tigase.http.api;

import javax.servlet.http.HttpServlet;
import tigase.http.DeploymentInfo;
import tigase.http.ServletInfo;

/** Declared members (tigase-http-api 2.4.0): only those bm-xmpp uses. */
public interface HttpServerIfc {

    void deploy(DeploymentInfo deployment);

    void undeploy(DeploymentInfo deployment);

    default DeploymentInfo deployment() {
        throw new UnsupportedOperationException("declaration only");
    }

    default ServletInfo servlet(String name, Class<? extends HttpServlet> servletClass) {
        throw new UnsupportedOperationException("declaration only");
    }
}
