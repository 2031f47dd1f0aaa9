package tigase.server.xmppserver;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import tigase.server.Packet;
import tigase.stats.StatisticsProviderIfc;
import tigase.xml.Element;

/** Declared members: only those bm-xmpp uses. A processor of the s2s connection manager's network traffic. */
public interface S2SProcessor extends Comparable<S2SProcessor>, StatisticsProviderIfc {

    int order();

    void serviceStarted(S2SIOService serv);

    void serviceStopped(S2SIOService serv);

    void streamFeatures(S2SIOService serv, List<Element> results);

    void init(S2SConnectionHandlerIfc<S2SIOService> handler, Map<String, Object> props);

    boolean process(Packet p, S2SIOService serv, Queue<Packet> results);

    void streamClosed(S2SIOService serv);

    String streamOpened(S2SIOService serv, Map<String, String> attribs);
}
