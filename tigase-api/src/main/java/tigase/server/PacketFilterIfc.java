package tigase.server;

import tigase.stats.StatisticsList;

/** Declared members: only those bm-xmpp uses. A component's incoming or outgoing packet filter. */
public interface PacketFilterIfc {

    void init(String name, QueueType qType);

    Packet filter(Packet packet);

    void getStatistics(StatisticsList list);
}
