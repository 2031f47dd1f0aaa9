package tigase.stats;

/** Declared members: only those bm-xmpp uses. */
public class StatisticsList {

    private StatisticsList() {
    }
}
