package net.bluemind.xmpp.auth.tigase;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.callback.CallbackHandler;
import javax.security.sasl.SaslServer;
import net.bluemind.xmpp.auth.fast.HtSha256;
import tigase.auth.mechanisms.TigaseSaslServerFactory;

/**
 * Bean {@code 'sess-man'/'sasl-provider'/tigaseSaslServerFactory}: offers PLAIN (passwords live in
 * BlueMind, so SCRAM cannot work), served by {@link BmPlainSaslServer}, and {@code HT-SHA-256-NONE} for FAST
 * tokens, served by {@link BmHtSaslServer} (never listed among the mechanisms: {@link BmMechanismSelector}). It extends Tigase's factory because
 * the default mechanism selector only offers mechanisms of that type. The JCA provider instantiates this class
 * by reflection, hence the public no-argument constructor.
 */
public class BmSaslServerFactory extends TigaseSaslServerFactory {

    private static final Logger LOG = Logger.getLogger(BmSaslServerFactory.class.getName());
    private static final String[] MECHANISMS = {BmPlainSaslServer.MECHANISM, HtSha256.MECHANISM};

    @Override
    public SaslServer createSaslServer(String mechanism, String protocol, String serverName, Map<String, ?> props,
            CallbackHandler callbackHandler) {
        if (HtSha256.MECHANISM.equals(mechanism)) {
            try {
                return new BmHtSaslServer(AuthRuntime.get().fastLogin, serverName, callbackHandler);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "bm-xmpp auth engine unavailable", e);
                return new BmHtSaslServer(null, serverName, callbackHandler);
            }
        }
        if (!BmPlainSaslServer.MECHANISM.equals(mechanism)) {
            return null; // javax.security.sasl: null means "not this factory's mechanism"
        }
        try {
            return new BmPlainSaslServer(AuthRuntime.get().authenticator, serverName, callbackHandler);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "bm-xmpp auth engine unavailable", e);
            return new BmPlainSaslServer(null, serverName, callbackHandler);
        }
    }

    @Override
    public String[] getMechanismNames(Map<String, ?> props) {
        return MECHANISMS.clone();
    }
}
