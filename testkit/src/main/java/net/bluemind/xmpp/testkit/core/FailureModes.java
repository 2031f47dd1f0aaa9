package net.bluemind.xmpp.testkit.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** How badly the simulator behaves right now; every field applies to every request. */
final class FailureModes {

    static final byte[] GARBAGE = "{\"uid\": \"half an object, <html>then</html> n0t JSON"
            .getBytes(StandardCharsets.UTF_8);

    volatile Duration delay = Duration.ZERO;
    /** 0: answer normally. */
    volatile int failStatus;
    volatile boolean garbage;

    void reset() {
        delay = Duration.ZERO;
        failStatus = 0;
        garbage = false;
    }
}
