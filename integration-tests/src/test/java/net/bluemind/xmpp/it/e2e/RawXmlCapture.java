package net.bluemind.xmpp.it.e2e;

import java.util.ArrayList;
import java.util.List;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.debugger.AbstractDebugger;
import org.jivesoftware.smack.debugger.SmackDebuggerFactory;

/**
 * What a Smack connection received, as the raw XML text off the wire (Smack's debugger hook), so a test can check
 * an attribute that Smack's own parser would normalise away (e.g. a data form field's missing {@code type}).
 */
final class RawXmlCapture implements SmackDebuggerFactory {

    private final List<String> received = new ArrayList<>();

    @Override
    public AbstractDebugger create(XMPPConnection connection) {
        return new AbstractDebugger(connection) {
            @Override
            protected void log(String logMessage) {
                if (logMessage.startsWith("RECV")) {
                    synchronized (received) {
                        received.add(logMessage);
                    }
                }
            }

            @Override
            protected void log(String logMessage, Throwable throwable) {
                log(logMessage);
            }
        };
    }

    /** Everything received so far, in order, one string. */
    String received() {
        synchronized (received) {
            return String.join("\n", received);
        }
    }

    /** Everything received so far as the one XML stream it was on the wire (the debugger's chunk prefixes taken off). */
    String stream() {
        synchronized (received) {
            StringBuilder all = new StringBuilder();
            for (String chunk : received) {
                all.append(chunk.replaceFirst("^RECV \\(\\d+\\): ", ""));
            }
            return all.toString();
        }
    }
}
