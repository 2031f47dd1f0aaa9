package tigase.stats;

/** Declared members: only those bm-xmpp uses. */
public interface StatisticsProviderIfc {

    void getStatistics(String compName, StatisticsList list);
}
