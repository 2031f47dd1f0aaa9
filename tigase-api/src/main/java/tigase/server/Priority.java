package tigase.server;

/** Declared members: the whole enum (a packet's place in Tigase's priority queues). */
public enum Priority {
    SYSTEM,
    CLUSTER,
    HIGH,
    NORMAL,
    LOW,
    PRESENCE,
    LOWEST
}
