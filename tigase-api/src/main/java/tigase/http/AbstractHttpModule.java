package tigase.http;

import tigase.http.api.HttpServerIfc;

/** Declared members (tigase-http-api 2.4.0): only those bm-xmpp uses. */
public abstract class AbstractHttpModule {

    protected final String uuid = null;

    protected String contextPath = null;

    protected HttpServerIfc httpServer;

    protected String[] vhosts = null;

    public AbstractHttpModule() {
    }

    public abstract void start();

    public abstract void stop();
}
