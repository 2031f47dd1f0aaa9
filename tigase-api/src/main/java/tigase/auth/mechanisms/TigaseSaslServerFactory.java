package tigase.auth.mechanisms;

import java.util.Map;
import javax.security.auth.callback.CallbackHandler;
import javax.security.sasl.SaslException;
import javax.security.sasl.SaslServer;
import javax.security.sasl.SaslServerFactory;

/** Declared members: only those bm-xmpp uses. */
public class TigaseSaslServerFactory implements SaslServerFactory {

    public TigaseSaslServerFactory() {
    }

    @Override
    public SaslServer createSaslServer(String mechanism, String protocol, String serverName, Map<String, ?> props,
            CallbackHandler callbackHandler) throws SaslException {
        throw new UnsupportedOperationException();
    }

    @Override
    public String[] getMechanismNames(Map<String, ?> props) {
        throw new UnsupportedOperationException();
    }
}
