package net.bluemind.xmpp.domains.tigase;

import tigase.server.xmppclient.ClientConnectionManager;
import tigase.xmpp.XMPPIOService;

/**
 * Tigase's client connection manager (c2s), whose connections serialize their socket I/O
 * ({@link SerializedTlsIOService}): stock Tigase 8.4.0 corrupts a few percent of TLS negotiations (docs/developers-guide.md, "Known
 * Tigase issues"). Configured as {@code c2s/class} in init.properties; everything else is Tigase's.
 */
public class SerializedTlsClientConnectionManager extends ClientConnectionManager {

    @Override
    protected XMPPIOService<Object> getXMPPIOServiceInstance() {
        return new SerializedTlsIOService<>();
    }
}
