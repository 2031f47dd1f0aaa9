package tigase.server;

import tigase.stats.StatisticsList;

/** Declared members: the whole interface, since bm-xmpp implements it (a component's incoming/outgoing filter). */
public interface PacketFilterIfc {

    void init(String name, QueueType qType);

    Packet filter(Packet packet);

    void getStatistics(StatisticsList list);
}
