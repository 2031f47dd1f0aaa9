package net.bluemind.xmpp.testkit.core;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** How badly the simulator behaves right now; every field applies to every request. */
final class FailureModes {

    static final byte[] GARBAGE = "{\"uid\": \"half an object, <html>then</html> n0t JSON"
            .getBytes(StandardCharsets.UTF_8);

    volatile Duration delay = Duration.ZERO;
    /** 0: answer normally. */
    volatile int failStatus;
    volatile boolean garbage;
    /** A request arriving on a connection that already got an answer: the connection is closed, no answer. */
    volatile boolean closeReused;
    /** Every request: the connection is closed, no answer (a core that dies on each request). */
    volatile boolean closeAll;
    /** Each connection is closed right after its answer (the client is not told: no Connection: close). */
    volatile boolean closeAfterAnswer;
    /** Client connections that got an answer while {@link #closeReused} is on. */
    final Set<InetSocketAddress> answered = ConcurrentHashMap.newKeySet();
    /** Path prefix to a canned answer, checked before the real routes. */
    final Map<String, Reply> canned = new ConcurrentHashMap<>();

    Optional<Reply> cannedFor(String path) {
        return canned.entrySet().stream().filter(e -> path.startsWith(e.getKey())).map(Map.Entry::getValue).findFirst();
    }

    void reset() {
        canned.clear();
        delay = Duration.ZERO;
        failStatus = 0;
        garbage = false;
        closeReused = false;
        closeAll = false;
        closeAfterAnswer = false;
        answered.clear();
    }
}
