package net.bluemind.xmpp.testkit.core;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What reached the simulator: requests per path, the client connections seen and closed on purpose, the last X-BM-Origin. */
final class RequestLog {

    private final Map<String, LongAdder> byPath = new ConcurrentHashMap<>();
    private final Set<InetSocketAddress> connections = ConcurrentHashMap.newKeySet();
    private final LongAdder droppedConnections = new LongAdder();
    private volatile String lastOrigin;

    void record(String path, InetSocketAddress remote, String origin) {
        byPath.computeIfAbsent(path, p -> new LongAdder()).increment();
        connections.add(remote);
        if (origin != null) {
            lastOrigin = origin;
        }
    }

    long requests(String pathPrefix) {
        return byPath.entrySet().stream().filter(e -> e.getKey().startsWith(pathPrefix))
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    void droppedConnection() {
        droppedConnections.increment();
    }

    long droppedConnections() {
        return droppedConnections.sum();
    }

    int connections() {
        return connections.size();
    }

    String lastOrigin() {
        return lastOrigin;
    }

    void reset() {
        byPath.clear();
        connections.clear();
        droppedConnections.reset();
        lastOrigin = null;
    }
}
