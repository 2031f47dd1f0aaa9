package net.bluemind.xmpp.domains.tigase;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tigase.server.Packet;
import tigase.server.Priority;
import tigase.xml.Element;

/**
 * A client connection's end reaches the session manager after what the client sent before it. Stock Tigase 8.4.0
 * sends the session manager a {@code STREAM_CLOSED} command at {@code SYSTEM} priority when a client closes its
 * stream, and its queues are priority queues: the command overtakes the client's last stanzas, still queued at
 * {@code NORMAL} (messages) or {@code PRESENCE}; the session is gone when they are processed and each is refused
 * with {@code not-authorized}. A client that sends a message and logs out at once (Smack's {@code disconnect()}, a
 * phone app going to the background) loses its last messages: not delivered, not archived, not stored offline, no
 * push (seen in StreamResumptionE2eIT and PushE2eIT: 2 of 3 messages sent just before a logout refused,
 * docs/developers-guide.md, "Known Tigase issues"). Worse, Tigase queues the command before it hands on the stanzas
 * read in the same chunk as the stream's end, and the session manager hands stanzas to its processors' threads while
 * it ends a session on its own thread, so even a command queued last can end the session before they run (29 of 30
 * delivered with the priority alone). Here the connection managers
 * hand those stanzas on first (their {@code xmppStreamClosed}); the command and the {@code STREAM_FINISHED} that
 * follows it get the lowest priority and leave {@link #DELAY_MS} later, in their order, so that the stanzas are in
 * the session manager's queue before them. Until then the session stays; a stanza for it reaches the stopped connection,
 * which hands it back as undelivered and (STREAM_CLOSED_UPDATE, not delayed: delaying it let such a stanza go round)
 * ends the session at once; the archive does not count the handed-back copy again.
 */
final class StreamCloseLast {

    private static final String COMMANDS = "http://jabber.org/protocol/commands";

    private StreamCloseLast() {
    }

    /** Far above the time the router takes to pass a packet on, unnoticed by a user who logged out. */
    static final long DELAY_MS = 200;
    private static final ScheduledExecutorService LATER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bm-xmpp-stream-close-last");
        t.setDaemon(true);
        return t;
    });

    /**
     * True when {@code packet} is a stream's end, then queued by {@code addOut} {@link #DELAY_MS} later at the lowest
     * priority (one thread: the ends of a connection leave in the order they came); false for any other packet.
     */
    static boolean deferred(Packet packet, Predicate<Packet> addOut) {
        if (!isStreamEnd(packet.getElemName(), packet.getElement())) {
            return false;
        }
        packet.setPriority(Priority.LOWEST);
        LATER.schedule(() -> addOut.test(packet), DELAY_MS, TimeUnit.MILLISECONDS);
        return true;
    }

    static boolean isStreamEnd(String elemName, Element element) {
        if (!"iq".equals(elemName)) {
            return false;
        }
        Element command = element.getChild("command", COMMANDS);
        String node = command == null ? null : command.getAttributeStaticStr("node");
        return "STREAM_CLOSED".equals(node) || "STREAM_FINISHED".equals(node);
    }
}
