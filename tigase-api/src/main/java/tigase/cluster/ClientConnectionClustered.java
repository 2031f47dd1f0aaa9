package tigase.cluster;

import tigase.server.xmppclient.ClientConnectionManager;

/** Declared members: only those bm-xmpp uses. */
public class ClientConnectionClustered extends ClientConnectionManager {

    public ClientConnectionClustered() {
    }
}
