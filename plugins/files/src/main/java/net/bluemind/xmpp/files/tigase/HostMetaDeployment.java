package net.bluemind.xmpp.files.tigase;

import tigase.http.DeploymentInfo;
import tigase.http.api.HttpServerIfc;

/**
 * XEP-0156 host-meta on Tigase's HTTP server (the one serving /upload/): {@code /.well-known/host-meta} and
 * {@code host-meta.json} naming {@code web-websocket-url} and {@code web-bosh-url} ({@link HostMetaServlet}). Deployed
 * by {@link FramedDownloadHttpModule}, the upload component's HTTP module: Tigase creates a kernel bean only when
 * something injects it, and the upload component injects that one. Tigase's own host-meta (tigase-http-api's
 * {@code WellKnownModule}) belongs to the {@code http} component, which the shipped configuration switches off, and
 * would name Tigase's own ports, not the URLs browsers reach behind BlueMind's nginx.
 */
final class HostMetaDeployment {

    private HostMetaDeployment() {
    }

    static DeploymentInfo on(HttpServerIfc httpServer, ClassLoader classLoader) {
        return httpServer.deployment()
                .setClassLoader(classLoader)
                .setContextPath("/.well-known")
                .setDeploymentName("bmHostMeta")
                .setDeploymentDescription("XEP-0156: host-meta")
                .addServlets(httpServer.servlet("HostMeta", HostMetaServlet.class).addMapping("/*"));
    }
}
