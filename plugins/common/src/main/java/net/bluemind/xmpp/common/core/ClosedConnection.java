package net.bluemind.xmpp.common.core;

import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;

/**
 * Tells an I/O failure of an established connection closed by the other side before any answer (the JDK
 * client's "HTTP/1.1 header parser received no bytes", EOF, connection reset, broken pipe) from other I/O
 * failures. That is what a kept-alive connection closed by bm-core or a proxy while it was reused looks like.
 */
final class ClosedConnection {

    private ClosedConnection() {
    }

    static boolean isCauseOf(IOException failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof EOFException || t instanceof ClosedChannelException) {
                return true;
            }
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("received no bytes") || m.contains("connection reset") || m.contains("broken pipe")) {
                return true;
            }
        }
        return false;
    }
}
