package net.bluemind.xmpp.files.tigase;

import tigase.http.AbstractHttpModule;
import tigase.http.DeploymentInfo;

/**
 * XEP-0156 host-meta on Tigase's HTTP server (the one serving /upload/): {@code /.well-known/host-meta} and
 * {@code host-meta.json} naming {@code web-websocket-url} and {@code web-bosh-url}. Tigase's own host-meta
 * (tigase-http-api's {@code WellKnownModule}) belongs to the {@code http} component, which the shipped configuration
 * switches off, and would name Tigase's own ports, not the URLs browsers reach behind BlueMind's nginx. A bean of the
 * upload component: {@code upload/hostMeta/class} in init.properties.
 */
public class HostMetaHttpModule extends AbstractHttpModule {

    private DeploymentInfo deployment;

    @Override
    public synchronized void start() {
        if (deployment != null) {
            stop();
        }
        deployment = httpServer.deployment()
                .setClassLoader(getClass().getClassLoader())
                .setContextPath("/.well-known")
                .setDeploymentName("bmHostMeta")
                .setDeploymentDescription("XEP-0156: host-meta")
                .addServlets(httpServer.servlet("HostMeta", HostMetaServlet.class).addMapping("/*"));
        httpServer.deploy(deployment);
    }

    @Override
    public synchronized void stop() {
        if (deployment != null) {
            httpServer.undeploy(deployment);
            deployment = null;
        }
    }
}
