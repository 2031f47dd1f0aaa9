package net.bluemind.xmpp.interop;

import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Remembers the last test the framework logged as started ("Class.method (Type...) Start"): the framework forgets
 * its test under execution when that test aborts the run, this tells which one it was.
 */
final class StartedTests extends Handler {

    private static final Logger FRAMEWORK_LOG = Logger.getLogger("org.igniterealtime.smack.inttest.SmackIntegrationTestFramework");
    private volatile String last;

    static StartedTests install() {
        StartedTests h = new StartedTests();
        FRAMEWORK_LOG.addHandler(h);
        return h;
    }

    void reset() {
        last = null;
    }

    /** e.g. "MultiUserChatIntegrationTest.mucJoinLeaveTest (Normal)", or null. */
    String last() {
        return last;
    }

    @Override
    public void publish(LogRecord record) {
        String m = record.getMessage();
        if (m != null && m.endsWith(" Start") && m.contains(".")) {
            last = m.substring(0, m.length() - " Start".length());
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
