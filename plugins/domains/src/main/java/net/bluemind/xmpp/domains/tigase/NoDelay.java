package net.bluemind.xmpp.domains.tigase;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * TCP_NODELAY on a connection's socket, which Tigase 8.4.0 never sets. Without it, a write that follows another
 * before the peer acknowledged the first waits for that acknowledgement, which clients delay (40 ms on Linux): a login
 * paid it twice, once for the stream header and features after STARTTLS and once after the SASL success (2 x 42 ms of
 * a warm login's 100 ms p50 at issue 27's load; docs/developers-guide.md, "Known Tigase issues"). XMPP writes are
 * small and latency-bound, which is why ejabberd ({@code nodelay}) and Prosody set it.
 */
final class NoDelay {

    private static final Logger LOG = Logger.getLogger(NoDelay.class.getName());

    private NoDelay() {
    }

    /** Sets TCP_NODELAY; a socket that refuses it is left as it is (logged at FINE). */
    static void on(SocketChannel channel) {
        try {
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.FINE, "TCP_NODELAY not set on " + channel, e);
        }
    }
}
