package net.bluemind.xmpp.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.bluemind.xmpp.testkit.services.ArchiveCount;
import net.bluemind.xmpp.testkit.services.BlueMindReader;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.carbons.packet.CarbonExtension;
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

    /** Each word archived, then, after the archive's flush interval (when a second copy would come), exactly once. */
    static void assertArchivedOnce(URI es, List<String> words) throws Exception {
        for (String w : words) {
            assertThat(ArchiveCount.awaitWithWord(es, w, 1, Duration.ofSeconds(20))).as("archived: " + w).isEqualTo(1);
        }
        Thread.sleep(1500);
        for (String w : words) {
            assertThat(ArchiveCount.withWord(es, w)).as("archived exactly once: " + w).isEqualTo(1);
        }
    }

    /**
     * A user of another server who is not a contact asks for a BlueMind user's vcard-temp: nothing of the card, and the
     * same answer as for an address that does not exist (no user enumeration).
     */
    static void assertStrangerLearnsNothing(XMPPTCPConnection stranger, String user, String nobody, String log)
            throws Exception {
        String ofUser = normalized(vcardTemp(stranger, user), user);
        String ofNobody = normalized(vcardTemp(stranger, nobody), nobody);
        System.out.println(log + ": a stranger asking for " + local(user) + "'s vcard-temp gets " + ofUser);
        assertThat(ofUser).as(user + "'s vcard-temp asked by a stranger on " + stranger.getXMPPServiceDomain())
                .contains("item-not-found").doesNotContain("FN", "ORG", "TEL", "PHOTO");
        assertThat(ofUser).as("the same answer as for an address that does not exist").isEqualTo(ofNobody);
    }

    /** The two users subscribe to each other and each sees the other available. */
    static void subscribeBothWays(XMPPTCPConnection desk, XMPPTCPConnection remote) throws Exception {
        XmppClients.befriend(desk, remote);
        Roster deskRoster = Roster.getInstanceFor(desk);
        Roster remoteRoster = Roster.getInstanceFor(remote);
        Jid user = desk.getUser().asBareJid();
        Jid other = remote.getUser().asBareJid();
        awaitTrue(() -> deskRoster.getPresence(other.asBareJid()).isAvailable(), user + " sees " + other + " available");
        awaitTrue(() -> remoteRoster.getPresence(user.asBareJid()).isAvailable(), other + " sees " + user + " available");
    }

    /**
     * Three messages each way between a remote user and a BlueMind user's desk, each received once; with the BlueMind
     * user's other resource given, each also reaches it as a carbon. What was said, in order.
     */
    static List<String> chatThreeEachWay(XMPPTCPConnection remote, XMPPTCPConnection desk, XMPPTCPConnection otherOrNull,
            String wordPrefix) throws Exception {
        BlockingQueue<String> userGot = XmppClients.chatInbox(desk);
        BlockingQueue<String> remoteGot = XmppClients.chatInbox(remote);
        BlockingQueue<String> received = otherOrNull == null ? null
                : XmppClients.carbons(otherOrNull, CarbonExtension.Direction.received);
        BlockingQueue<String> sent = otherOrNull == null ? null : XmppClients.carbons(otherOrNull, CarbonExtension.Direction.sent);
        List<String> said = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String in = wordPrefix + "in" + i;
            send(remote, desk.getUser(), in);
            assertThat(userGot.poll(15, TimeUnit.SECONDS)).as("the BlueMind user (desk) got message " + i).isEqualTo(in);
            if (received != null) {
                assertThat(received.poll(15, TimeUnit.SECONDS)).as("her other resource: received carbon " + i).isEqualTo(in);
            }
            String out = wordPrefix + "out" + i;
            send(desk, remote.getUser(), out);
            assertThat(remoteGot.poll(15, TimeUnit.SECONDS)).as("the remote user got message " + i).isEqualTo(out);
            if (sent != null) {
                assertThat(sent.poll(15, TimeUnit.SECONDS)).as("her other resource: sent carbon " + i).isEqualTo(out);
            }
            said.add(in);
            said.add(out);
        }
        assertThat(userGot).as("nothing else for the BlueMind user").isEmpty();
        assertThat(remoteGot).as("nothing else for the remote user").isEmpty();
        return said;
    }

    /** BlueMind's reader finds the conversation: (from:user AND to:peer) OR (from:peer AND to:user), newest first. */
    static void assertReaderSaw(URI es, String user, String peer, List<String> said) throws Exception {
        JsonNode read = new BlueMindReader(es).awaitConversation(user, peer, said.size());
        List<String> readerSaw = new ArrayList<>();
        read.forEach(h -> readerSaw.add(0, h.path("_source").path("message").asText()));
        assertThat(readerSaw.stream().filter(said::contains).toList()).as("BlueMind's reader, " + user + " with " + peer)
                .containsExactlyElementsOf(said);
    }

    /** A user of another server, logged in to its c2s at host:port (STARTTLS required, its self-signed certificate accepted). */
    static XMPPTCPConnection remoteUser(String host, int port, String jid, String password, String resource) throws Exception {
        XMPPTCPConnection c = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(jid.substring(jid.indexOf('@') + 1))
                .setHost(host)
                .setPort(port)
                .setUsernameAndPassword(local(jid), password)
                .setResource(resource)
                .setSecurityMode(SecurityMode.required)
                .setCustomX509TrustManager(XmppClients.ACCEPT_SELF_SIGNED)
                .setHostnameVerifier((name, session) -> true)
                .build());
        c.setReplyTimeout(10_000);
        c.connect().login();
        return c;
    }

    /**
     * XEP-0199 pings to {@code target} until one is answered (15 s each, at most {@code tries}): the answer came across
     * both s2s links between the two servers, so they are up. What happened ("answered at try 1 in 2213 ms"); fails
     * when no ping was answered.
     */
    static String pingAcross(XMPPTCPConnection c, String target, int tries) throws Exception {
        Jid to = JidCreate.from(target);
        List<String> failures = new ArrayList<>();
        for (int attempt = 1; attempt <= tries; attempt++) {
            IQ ping = new RawIq("ping", "urn:xmpp:ping", "", IQ.Type.get, to);
            long started = System.nanoTime();
            Stanza reply;
            try (StanzaCollector collector = c.createStanzaCollectorAndSend(ping)) {
                reply = collector.nextResult(15_000);
            }
            long ms = (System.nanoTime() - started) / 1_000_000;
            if (reply instanceof IQ iq && iq.getType() == IQ.Type.result) {
                return "answered at try " + attempt + " in " + ms + " ms" + (failures.isEmpty() ? "" : ", before: " + failures);
            }
            failures.add(reply == null ? "no answer in " + ms + " ms" : "error " + ((IQ) reply).getError().getCondition());
            Thread.sleep(500);
        }
        throw new AssertionError(target + ": no ping answered across the s2s links after " + tries + " tries: " + failures);
    }
}
