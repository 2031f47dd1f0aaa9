package tigase.server;

/** Declared members: the whole enum. */
public enum QueueType {
    IN_QUEUE,
    OUT_QUEUE
}
