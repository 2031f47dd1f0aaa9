package net.bluemind.xmpp.files.tigase;

import tigase.http.DeploymentInfo;
import tigase.http.upload.HttpModule;

/**
 * tigase-http-api's upload module (the {@code upload/httpModule} bean), deployed with {@link OriginCheckedFileServlet}
 * instead of Tigase's {@code FileServlet}, so that a download is framed once (Tigase 8.4.0's FileServlet sets a
 * {@code Content-Length} and its JDK HTTP server then sends the body chunked as well: {@link FramedDownloadServlet})
 * and only pages of {@code web-origins} may use the URLs (Tigase's answers {@code Access-Control-Allow-Origin: *}).
 * Same context path, virtual hosts, name and kernel as Tigase's module; the slots, the store and the upload side are
 * Tigase's. It also deploys host-meta ({@link HostMetaDeployment}) on the same HTTP server.
 */
public class FramedDownloadHttpModule extends HttpModule {

    private DeploymentInfo deployment;
    private DeploymentInfo hostMeta;

    @Override
    public synchronized void start() {
        if (deployment != null) {
            stop();
        }
        deployment = httpServer.deployment()
                .setClassLoader(getClass().getClassLoader())
                .setContextPath(contextPath)
                .setVHosts(vhosts)
                .setDeploymentName("httpFileUpload")
                .setDeploymentDescription("XEP-0363: HTTP File Upload")
                .addServlets(httpServer.servlet("FileServlet", OriginCheckedFileServlet.class)
                        .addMapping("/*")
                        .addInitParam("kernel", uuid));
        httpServer.deploy(deployment);
        hostMeta = HostMetaDeployment.on(httpServer, getClass().getClassLoader());
        httpServer.deploy(hostMeta);
    }

    @Override
    public synchronized void stop() {
        if (deployment != null) {
            httpServer.undeploy(deployment);
            deployment = null;
        }
        if (hostMeta != null) {
            httpServer.undeploy(hostMeta);
            hostMeta = null;
        }
    }
}
