package net.bluemind.xmpp.domains.tigase;

import java.nio.channels.SocketChannel;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import tigase.net.IOService;
import tigase.net.SocketThread;

/**
 * Keeps a client connection that Tigase 8.4.0 would stop for a selector race of its own. For STARTTLS (and STARTZLIB)
 * the c2s manager takes the connection off its selector ({@code SocketThread.removeSocketService}: the selection key
 * is cancelled), switches the socket, and puts it back ({@code addSocketService}). A cancelled key stays registered
 * until the selector's next selection operation; when the selector thread registers the connection again before that
 * (it is still in its {@code addAllWaiting} loop, a window that a loaded machine widens), the registration throws
 * {@code CancelledKeyException} and {@code addAllWaiting} force-stops the connection; when the key is cancelled while
 * the selector thread is handling it as selected, {@code SocketThread.run} does the same. Either way the client's TLS
 * handshake is cut ("Remote host terminated the handshake"). Why and what it cost: docs/developers-guide.md, "Known
 * Tigase issues".
 * <p>
 * A selector thread stops a connection whose socket is still open and connected only in those two races (its other
 * stops are for sockets no longer connected). Such a stop puts the connection back on its selector a moment later
 * instead; by then the selector has run a selection, the cancelled key is gone and the registration succeeds. One
 * per connection.
 */
final class SelectorReRegistration {

    private static final Logger LOG = Logger.getLogger(SelectorReRegistration.class.getName());
    /** Tigase's own stop goes through after this many put-backs of one connection (each one races again). */
    static final int MAX_PUT_BACKS = 20;
    private static final long PUT_BACK_DELAY_MS = 2;
    /** Where Tigase's selector threads stop connections (SocketThread's loop and its registration of waiting ones). */
    private static final java.util.Set<String> SELECTOR_FRAMES = java.util.Set.of("tigase.net.SocketThread#run",
            "tigase.net.SocketThread#addAllWaiting");
    private static final ScheduledExecutorService PUT_BACK = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bm-xmpp-selector-put-back");
        t.setDaemon(true);
        return t;
    });

    private final AtomicInteger putBacks = new AtomicInteger();

    /**
     * Called first by the connection's {@code forceStop()}: true when the stop is a selector thread's, on a socket
     * still open and connected (a cancelled-key race); the connection is then put back shortly and the caller must
     * not stop it.
     */
    boolean putBackInsteadOfStop(IOService<?> connection) {
        return putBackInsteadOfStop(connection.getSocketChannel(), callers(), () -> PUT_BACK.schedule(
                () -> SocketThread.addSocketService(connection), PUT_BACK_DELAY_MS, TimeUnit.MILLISECONDS), connection);
    }

    /** The decision, given the connection's socket, the stop's callers and how to put the connection back. */
    boolean putBackInsteadOfStop(SocketChannel channel, Stream<String> callers, Runnable putBack, Object connection) {
        if (!openAndConnected(channel) || !fromSelectorThread(callers)) {
            return false;
        }
        int n = putBacks.incrementAndGet();
        if (n > MAX_PUT_BACKS) {
            LOG.fine(() -> "stopped by a selector thread " + MAX_PUT_BACKS + " times, stopping: " + connection);
            return false;
        }
        LOG.log(Level.FINE, "a selector thread stopped a connected socket (Tigase cancelled-key race), putting back ({0}): {1}",
                new Object[] {n, connection});
        putBack.run();
        return true;
    }

    /** Whether a stop called from these frames ("class#method", innermost first) is a Tigase selector thread's. */
    static boolean fromSelectorThread(Stream<String> callers) {
        return callers.anyMatch(SELECTOR_FRAMES::contains);
    }

    private static boolean openAndConnected(SocketChannel channel) {
        return channel != null && channel.isOpen() && channel.isConnected();
    }

    private static Stream<String> callers() {
        return StackWalker.getInstance().walk(frames -> frames.map(f -> f.getClassName() + "#" + f.getMethodName()).toList())
                .stream();
    }
}
