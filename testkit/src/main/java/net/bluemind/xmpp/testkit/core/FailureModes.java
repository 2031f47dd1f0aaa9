package net.bluemind.xmpp.testkit.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** How badly the simulator behaves right now; every field applies to every request. */
final class FailureModes {

    static final byte[] GARBAGE = "{\"uid\": \"half an object, <html>then</html> n0t JSON"
            .getBytes(StandardCharsets.UTF_8);

    volatile Duration delay = Duration.ZERO;
    /** 0: answer normally. */
    volatile int failStatus;
    volatile boolean garbage;
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
    }
}
