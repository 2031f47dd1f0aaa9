package tigase.auth;

import java.util.Collection;
import java.util.Enumeration;
import javax.security.sasl.SaslServerFactory;
import tigase.xmpp.XMPPResourceConnection;

/** Declared members: the stock selector's filter, which bm-xmpp's selector narrows. */
public class DefaultMechanismSelector {

    public DefaultMechanismSelector() {
    }

    public Collection<String> filterMechanisms(Enumeration<SaslServerFactory> serverFactories,
            XMPPResourceConnection session) {
        throw new UnsupportedOperationException();
    }
}
