package net.bluemind.xmpp.archive.capture;

/** Where the room service of an address is, when the address belongs to one. */
public enum RoomRoute {
    /** A room service of this server, running on this node (tigase-muc here). */
    HERE,
    /** A room service of this server that another node of the cluster runs: this node only forwards to it. */
    OTHER_NODE,
    /** Not one of our room services: a user, another server's room, or no tigase-muc at all. */
    ELSEWHERE
}
