package tigase.http.upload;

import tigase.http.AbstractHttpModule;

/** Declared members (tigase-http-api 2.4.0): only those bm-xmpp uses. */
public class HttpModule extends AbstractHttpModule {

    public HttpModule() {
    }

    @Override
    public void start() {
        throw new UnsupportedOperationException("declaration only");
    }

    @Override
    public void stop() {
        throw new UnsupportedOperationException("declaration only");
    }
}
