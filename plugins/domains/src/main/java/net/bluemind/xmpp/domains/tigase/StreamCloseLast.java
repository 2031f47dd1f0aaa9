package net.bluemind.xmpp.domains.tigase;

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
 * read in the same chunk as the stream's end. Here the connection managers hand those on first (their
 * {@code xmppStreamClosed}), and the command and the {@code STREAM_FINISHED} that follows it get the lowest priority
 * ({@link #order}), so that they are processed after everything the connection queued before them (same queue: Tigase
 * hashes both by connection).
 */
final class StreamCloseLast {

    private static final String COMMANDS = "http://jabber.org/protocol/commands";

    private StreamCloseLast() {
    }

    /** Puts a stream's end behind its stanzas; any other packet is left as it is. */
    static void order(Packet packet) {
        if (isStreamEnd(packet.getElemName(), packet.getElement())) {
            packet.setPriority(Priority.LOWEST);
        }
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
