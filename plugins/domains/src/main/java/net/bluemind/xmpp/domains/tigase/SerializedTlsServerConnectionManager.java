package net.bluemind.xmpp.domains.tigase;

import java.util.Map;
import tigase.server.Packet;
import tigase.server.xmppserver.CID;
import tigase.server.xmppserver.CIDConnections;
import tigase.server.xmppserver.LocalhostException;
import tigase.server.xmppserver.NotLocalhostException;
import tigase.server.xmppserver.S2SConnectionManager;
import tigase.server.xmppserver.S2SIOService;

/**
 * Tigase's server-to-server connection manager (s2s), with two fixes of stock Tigase 8.4.0 (docs/developers-guide.md,
 * "Known Tigase issues"): its connections serialize their socket I/O ({@link SerializedTlsS2SIOService}), since stock
 * Tigase breaks some s2s STARTTLS negotiations and the peer drops the new link with the stanzas it queued for it; and a
 * stanza waits at most {@code bm-xmpp.s2s-bounce-after} for a link to another server, with attempts backing off, before
 * it goes back to its sender ({@link BoundedRemoteWait}; stock: 7 minutes, one attempt every 2 s). Configured as
 * {@code s2s/class} in init.properties, on a single server and on cluster nodes alike (Tigase 8.4.0 has no clustered
 * s2s class); everything else is Tigase's.
 */
public class SerializedTlsServerConnectionManager extends S2SConnectionManager {

    private final BoundedRemoteWait bounded = BoundedRemoteWait.fromSettings();

    @Override
    protected S2SIOService getXMPPIOServiceInstance() {
        return new SerializedTlsS2SIOService();
    }

    @Override
    protected CIDConnections createNewCIDConnections(CID cid) throws NotLocalhostException, LocalhostException {
        CIDConnections conns = super.createNewCIDConnections(cid);
        bounded.adopt(conns);
        return conns;
    }

    @Override
    public void processPacket(Packet packet) {
        CID cid = bounded.active() ? BoundedRemoteWait.linkOf(packet) : null;
        int before = cid == null ? 0 : BoundedRemoteWait.waiting(cidConnections, cid);
        super.processPacket(packet);
        bounded.queued(cidConnections, cid, before);
    }

    @Override
    public void initNewConnection(Map<String, Object> port_props) {
        long delay = bounded.attemptDelay(port_props);
        if (delay <= 0) {
            super.initNewConnection(port_props);
        } else {
            bounded.later(() -> {
                if (bounded.stillWaiting(cidConnections, port_props)) {
                    super.initNewConnection(port_props);
                } else {
                    // the stanzas went back (or out) meanwhile: Tigase forgets the attempt as a failed one
                    reconnectionFailed(port_props);
                }
            }, delay);
        }
    }

    @Override
    public void serviceStarted(S2SIOService serv) {
        super.serviceStarted(serv);
        bounded.started(serv);
    }

    @Override
    public boolean addOutPacket(Packet packet) {
        return super.addOutPacket(bounded.rewriteBounce(packet));
    }
}
