package net.bluemind.xmpp.domains.tigase;

import tigase.server.xmppserver.S2SConnectionManager;
import tigase.server.xmppserver.S2SIOService;

/**
 * Tigase's server-to-server connection manager (s2s), whose connections serialize their socket I/O
 * ({@link SerializedTlsS2SIOService}): stock Tigase 8.4.0 breaks some s2s STARTTLS negotiations and the peer drops
 * the new link with the stanzas it queued for it (docs/developers-guide.md, "Known Tigase issues"). Configured as
 * {@code s2s/class} in init.properties, on a single server and on cluster nodes alike (Tigase 8.4.0 has no clustered
 * s2s class); everything else is Tigase's.
 */
public class SerializedTlsServerConnectionManager extends S2SConnectionManager {

    @Override
    protected S2SIOService getXMPPIOServiceInstance() {
        return new SerializedTlsS2SIOService();
    }
}
