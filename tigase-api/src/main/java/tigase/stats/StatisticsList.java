package tigase.stats;

/** Declared members: only the type (passed to {@link tigase.server.PacketFilterIfc#getStatistics}). */
public class StatisticsList {

    private StatisticsList() {
    }
}
