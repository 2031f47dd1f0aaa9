package net.bluemind.xmpp.testkit.services;

import java.util.concurrent.TimeUnit;

/** Stopping a server a test started as its child process. */
final class ChildProcess {

    private ChildProcess() {
    }

    /**
     * SIGTERM (the server closes its connections and exits), then, if it is still there after {@code graceSeconds},
     * it and whatever it started are killed.
     */
    static void stop(Process process, int graceSeconds) {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
