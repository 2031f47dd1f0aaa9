package net.bluemind.xmpp.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.forward.packet.Forwarded;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.mam.element.MamElements;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * What the federation classes do as clients on either side (a BlueMind user, a user of the remote server): chat,
 * ask for a vCard or the history, wait, read a peer's log. Statically imported by those classes.
 */
final class PeerClients {

    private PeerClients() {
    }

    interface Check {
        boolean holds() throws Exception;
    }

    static void send(XMPPTCPConnection from, Jid to, String body) throws Exception {
        from.sendStanza(from.getStanzaFactory().buildMessageStanza().to(to).ofType(Message.Type.chat).setBody(body).build());
    }

    static String local(String jid) {
        return jid.substring(0, jid.indexOf('@'));
    }

    static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    static void awaitTrue(Check check, String what) throws Exception {
        for (Instant until = Instant.now().plusSeconds(15); Instant.now().isBefore(until); Thread.sleep(200)) {
            if (check.holds()) {
                return;
            }
        }
        throw new AssertionError("not within 15 s: " + what);
    }

    /** The raw answer to a vcard-temp get, as Smack received it. */
    static String vcardTemp(XMPPTCPConnection c, String jid) throws Exception {
        IQ get = new RawIq("vCard", "vcard-temp", "", IQ.Type.get, JidCreate.from(jid));
        try (StanzaCollector collector = c.createStanzaCollectorAndSend(get)) {
            Stanza reply = collector.nextResult(10_000);
            assertThat(reply).as("an answer to the vcard-temp get for " + jid).isNotNull();
            return reply.toXML().toString();
        }
    }

    /** The answer without what must differ between two requests: the stanza id and the address asked about. */
    static String normalized(String xml, String asked) {
        return xml.replaceAll(" id=['\"][^'\"]*['\"]", " id='*'").replace(asked, "ADDRESS");
    }

    /** The bodies of the user's MAM history with a peer (newest page), only those given, oldest first. */
    static List<String> history(XMPPTCPConnection c, String peer, List<String> bodies) throws Exception {
        MamManager.MamQuery page = MamManager.getInstanceFor(c).queryMostRecentPage(XmppClients.jid(peer), 20);
        List<MamElements.MamResultExtension> results = page.getMamResultExtensions();
        return results.stream().map(r -> {
            Forwarded<Message> f = r.getForwarded();
            return f.getForwardedStanza().getBody();
        }).filter(bodies::contains).toList();
    }

    static BlockingQueue<Message> errors(XMPPTCPConnection c) {
        BlockingQueue<Message> q = new LinkedBlockingQueue<>();
        c.addSyncStanzaListener(s -> {
            if (s instanceof Message m && m.getType() == Message.Type.error) {
                q.add(m);
            }
        }, StanzaTypeFilter.MESSAGE);
        return q;
    }

    static ObjectNode fullCard() throws Exception {
        return (ObjectNode) new ObjectMapper().readTree("""
                {"identification": {"formatedName": {"value": "Maud Federation"},
                   "name": {"familyNames": "Federation", "givenNames": "Maud"}, "nickname": {"value": "maud"}},
                 "communications": {"tels": [{"value": "+33 5 61 00 00 77", "parameters": [{"label": "TYPE", "value": "work"}]},
                   {"value": "+33 6 00 00 00 77", "parameters": [{"label": "TYPE", "value": "cell"}]}]},
                 "organizational": {"title": "Head of Partnerships", "role": "Diplomat",
                   "org": {"company": "Federation Test Corp", "department": "Outreach"}},
                 "deliveryAddressing": [{"address": {"streetAddress": "2 Rabbit Hole Lane", "locality": "Toulouse",
                   "postalCode": "31000", "countryName": "France"}}],
                 "explanatory": {"note": "Talks to other servers."}}
                """);
    }
}
