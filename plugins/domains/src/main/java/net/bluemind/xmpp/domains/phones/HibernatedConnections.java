package net.bluemind.xmpp.domains.phones;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * The client connections this node keeps for a stream resumption (XEP-0198 "hibernation": the phone lost its network,
 * its session waits for it), by connection id. Written by the client connections, read when a message arrives for a
 * session: the two sides are different Tigase components in one JVM, and a session lives on the node of its
 * connection, so this is per node. An id is forgotten when a new stream opens with it (ids are address and port) and,
 * at the latest, after {@code keep}: longer than any resumption wait; a resumed session has a new connection id.
 */
public final class HibernatedConnections {

    private static final HibernatedConnections LOCAL = new HibernatedConnections(Duration.ofMinutes(30));

    private final Cache<String, Boolean> ids;

    HibernatedConnections(Duration keep) {
        this.ids = Caffeine.newBuilder().expireAfterWrite(keep).maximumSize(1_000_000).build();
    }

    /** This node's. */
    public static HibernatedConnections local() {
        return LOCAL;
    }

    public void hibernated(String connectionId) {
        ids.put(connectionId, Boolean.TRUE);
    }

    public void forget(String connectionId) {
        ids.invalidate(connectionId);
    }

    public boolean isHibernated(String connectionId) {
        return ids.getIfPresent(connectionId) != null;
    }
}
