package tigase.server;

/** Declared members: only those bm-xmpp uses. */
public enum QueueType {
    IN_QUEUE, OUT_QUEUE
}
