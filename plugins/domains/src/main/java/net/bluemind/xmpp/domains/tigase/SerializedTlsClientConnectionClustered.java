package net.bluemind.xmpp.domains.tigase;

import tigase.cluster.ClientConnectionClustered;
import tigase.xmpp.XMPPIOService;

/**
 * {@link SerializedTlsClientConnectionManager} for a node in Tigase's cluster mode: Tigase's clustered c2s (which
 * opens its ports once the cluster is connected and closes the connections of a node that left) with the same
 * serialized socket I/O. Configured as {@code c2s/class} in the cluster block of init.properties.
 */
public class SerializedTlsClientConnectionClustered extends ClientConnectionClustered {

    @Override
    protected XMPPIOService<Object> getXMPPIOServiceInstance() {
        return new SerializedTlsIOService<>();
    }
}
