package tigase.http;

/** Declared members (tigase-http-api 2.4.0): only those bm-xmpp uses. */
public class DeploymentInfo {

    public DeploymentInfo() {
    }

    public DeploymentInfo setClassLoader(ClassLoader classLoader) {
        throw new UnsupportedOperationException("declaration only");
    }

    public DeploymentInfo setContextPath(String contextPath) {
        throw new UnsupportedOperationException("declaration only");
    }

    public DeploymentInfo setDeploymentDescription(String description) {
        throw new UnsupportedOperationException("declaration only");
    }

    public DeploymentInfo setDeploymentName(String name) {
        throw new UnsupportedOperationException("declaration only");
    }

    public DeploymentInfo addServlets(ServletInfo... servlets) {
        throw new UnsupportedOperationException("declaration only");
    }

    public DeploymentInfo setVHosts(String... vhosts) {
        throw new UnsupportedOperationException("declaration only");
    }
}
