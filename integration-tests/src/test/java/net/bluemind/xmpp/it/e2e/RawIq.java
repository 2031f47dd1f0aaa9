package net.bluemind.xmpp.it.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.filter.StanzaIdFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jxmpp.jid.Jid;

/**
 * An IQ written as a client library would put it on the wire (child element + raw inner XML), and a way to
 * count every reply carrying its id: RFC 6120 8.2.3 wants exactly one.
 */
final class RawIq extends IQ {

    static final String PUBSUB = "http://jabber.org/protocol/pubsub";

    private final String inner;

    RawIq(String element, String namespace, String innerXml, Type type, Jid to) {
        super(element, namespace);
        this.inner = innerXml;
        setType(type);
        setTo(to);
    }

    /** A pubsub request: {@code <pubsub xmlns='http://jabber.org/protocol/pubsub'>innerXml</pubsub>}. */
    static RawIq pubsub(Type type, Jid to, String innerXml) {
        return new RawIq("pubsub", PUBSUB, innerXml, type, to);
    }

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.rightAngleBracket();
        xml.append(inner);
        return xml;
    }

    /**
     * Sends every request at once and collects, for each, all the stanzas that come back with its id until each
     * has one and then {@code settleMillis} more (time for a duplicate to show).
     */
    static List<List<Stanza>> repliesTo(XMPPTCPConnection c, List<IQ> requests, long settleMillis) throws Exception {
        List<List<Stanza>> replies = new ArrayList<>();
        List<org.jivesoftware.smack.StanzaListener> listeners = new ArrayList<>();
        for (IQ iq : requests) {
            List<Stanza> got = new CopyOnWriteArrayList<>();
            replies.add(got);
            org.jivesoftware.smack.StanzaListener l = got::add;
            listeners.add(l);
            c.addSyncStanzaListener(l, new StanzaIdFilter(iq.getStanzaId()));
        }
        try {
            for (IQ iq : requests) {
                c.sendStanza(iq);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && replies.stream().anyMatch(List::isEmpty)) {
                Thread.sleep(50);
            }
            Thread.sleep(settleMillis);
        } finally {
            listeners.forEach(c::removeSyncStanzaListener);
        }
        return replies;
    }
}
