package net.bluemind.xmpp.domains.tigase;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.logging.Logger;
import net.bluemind.xmpp.common.federation.FederationPolicy;
import tigase.kernel.beans.Bean;
import tigase.kernel.beans.Initializable;
import tigase.kernel.beans.Inject;
import tigase.server.Packet;
import tigase.server.xmppserver.S2SConnectionHandlerIfc;
import tigase.server.xmppserver.S2SIOService;
import tigase.server.xmppserver.S2SProcessor;
import tigase.stats.StatisticsList;
import tigase.xml.XMLUtils;
import tigase.xml.Element;

/**
 * The federation policy for what comes in: a processor of the s2s connection manager (enabled in init.properties
 * with {@code s2s/bm-federation-policy/class}; works with any s2s class). A server of a refused domain is
 * refused the way Prosody's s2s allow-list does it, with a {@code <policy-violation/>} stream error and a text
 * naming the domain, so that its own users get an error from their server and nothing of theirs reaches the
 * session manager, the rooms or the archive:
 * <ul>
 * <li>at the stream header, when it names itself ({@code from}), before any feature is offered: no TLS, no
 *     dialback, nothing sent back to it but the refusal;</li>
 * <li>otherwise at the first dialback element or stanza that names it ({@code from}): a stream without
 *     {@code from}, or dialback for several domains on one stream. Tigase's own Dialback processor still sees
 *     that element (8.4.0 runs every processor on every element), so it may check the key with the refused
 *     server before the stream is gone; the link is never used.</li>
 * </ul>
 * Order: after Tigase's own processors, so that the refusal is the last thing written after the stream header
 * (Tigase then closes the connection); the stream features Tigase queued for that stream are dropped.
 */
@Bean(name = "bm-federation-policy", active = true)
public class FederationPolicyStreams implements S2SProcessor, Initializable {

    private static final Logger LOG = Logger.getLogger(FederationPolicyStreams.class.getName());
    static final int ORDER = 100;

    @Inject(nullAllowed = true)
    private S2SConnectionHandlerIfc<S2SIOService> handler;

    private volatile FederationPolicy policy;

    @Override
    public void initialize() {
        policy = FederationPolicies.load();
        LOG.info(() -> "server-to-server: " + policy.describe());
    }

    @Override
    public String streamOpened(S2SIOService serv, Map<String, String> attribs) {
        String from = attribs.get("from");
        if (from == null || policy().allows(from)) {
            return null;
        }
        LOG.info(() -> "refused a server-to-server stream from " + from + " (federation policy) [" + serv + "]");
        // Tigase's StreamFeatures queued the features for after this reply: nothing follows the refusal
        serv.getWaitingPackets().clear();
        return refusal(from);
    }

    @Override
    public boolean process(Packet p, S2SIOService serv, Queue<Packet> results) {
        if (p.getStanzaFrom() == null || policy().allows(p.getStanzaFrom().getDomain())) {
            return false;
        }
        String from = p.getStanzaFrom().getDomain();
        LOG.info(() -> "closed a server-to-server stream: " + p.getElemName() + " from " + from
                + " (federation policy) [" + serv + "]");
        if (handler != null) {
            handler.writeRawData(serv, refusal(from));
        }
        serv.stop();
        return true;
    }

    private String refusal(String from) {
        return "<stream:error><policy-violation xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>"
                + "<text xmlns='urn:ietf:params:xml:ns:xmpp-streams' xml:lang='en'>"
                + XMLUtils.escape(policy().streamRefusalText(from)) + "</text></stream:error></stream:stream>";
    }

    private FederationPolicy policy() {
        FederationPolicy p = policy;
        if (p == null) {
            p = FederationPolicies.load();
            policy = p;
        }
        return p;
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public int compareTo(S2SProcessor o) {
        return Integer.compare(order(), o.order());
    }

    @Override
    public void init(S2SConnectionHandlerIfc<S2SIOService> handler, Map<String, Object> props) {
        this.handler = handler;
    }

    @Override
    public void serviceStarted(S2SIOService serv) {
    }

    @Override
    public void serviceStopped(S2SIOService serv) {
    }

    @Override
    public void streamFeatures(S2SIOService serv, List<Element> results) {
    }

    @Override
    public void streamClosed(S2SIOService serv) {
    }

    @Override
    public void getStatistics(String compName, StatisticsList list) {
    }
}
