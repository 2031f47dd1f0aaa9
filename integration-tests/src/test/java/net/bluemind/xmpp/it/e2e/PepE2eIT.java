package net.bluemind.xmpp.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.bluemind.xmpp.testkit.bus.BusPublisher;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.StanzaExtensionFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;

/**
 * PEP on a real Tigase: the directory nodes (XEP-0084 avatar, XEP-0292 vCard4, XEP-0172 nick) come from the
 * address book; every other node works as on stock Tigase when tigase-pubsub is deployed (OMEMO device list,
 * XEP-0402 bookmarks), and gets one clean error when it is not. Every request gets exactly one reply.
 */
class PepE2eIT {

    private static final String OMEMO_NODE = "eu.siacs.conversations.axolotl.devicelist";
    private static final String BOOKMARKS_NODE = "urn:xmpp:bookmarks:1";
    private static final String PUBLISH_OPTIONS = "<publish-options><x xmlns='jabber:x:data' type='submit'>"
            + "<field var='FORM_TYPE' type='hidden'><value>http://jabber.org/protocol/pubsub#publish-options</value></field>"
            + "<field var='pubsub#persist_items'><value>true</value></field>"
            + "<field var='pubsub#access_model'><value>%s</value></field></x></publish-options>";

    private static E2eStack stack;
    private static boolean pep;

    @BeforeAll
    static void stack() throws Exception {
        stack = E2eStack.get();
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        pep = stack.hasComponent("tigase-pubsub");
    }

    private static String items(String node) {
        return "<items node='" + node + "'/>";
    }

    /** The XML with the xCard namespace Smack repeats on every element dropped (after checking it is there). */
    private static String xcard(Stanza s) {
        String xml = s.toXML().toString();
        assertThat(xml).contains("<vcard xmlns='urn:ietf:params:xml:ns:vcard-4.0'");
        return xml.replace(" xmlns='urn:ietf:params:xml:ns:vcard-4.0'", "");
    }

    private static String type(Stanza s) {
        return ((IQ) s).getType().toString();
    }

    private static String condition(Stanza s) {
        return s.getError() == null ? null : s.getError().getCondition().toString();
    }

    @Test
    void everyPepRequestGetsExactlyOneReply() throws Exception {
        XMPPTCPConnection alice = XmppClients.login("alice@bluemind.test", "alice-pw");
        try {
            EntityBareJid self = XmppClients.jid("alice@bluemind.test");
            EntityBareJid bob = XmppClients.jid("bob@bluemind.test");
            List<IQ> requests = List.of(
                    RawIq.pubsub(IQ.Type.get, self, items("urn:xmpp:vcard4")),
                    RawIq.pubsub(IQ.Type.get, null, items("urn:xmpp:vcard4")), // no 'to': one's own account
                    RawIq.pubsub(IQ.Type.get, bob, items("urn:xmpp:vcard4")),
                    RawIq.pubsub(IQ.Type.get, bob, items("http://jabber.org/protocol/nick")),
                    RawIq.pubsub(IQ.Type.get, bob, items("urn:xmpp:avatar:metadata")),
                    RawIq.pubsub(IQ.Type.get, bob, items("urn:xmpp:avatar:data")),
                    RawIq.pubsub(IQ.Type.get, self, items("urn:xmpp:avatar:data")),
                    RawIq.pubsub(IQ.Type.set, null, "<publish node='urn:xmpp:vcard4'><item id='current'>"
                            + "<vcard xmlns='urn:ietf:params:xml:ns:vcard-4.0'><fn><text>Mallory</text></fn></vcard>"
                            + "</item></publish>"),
                    RawIq.pubsub(IQ.Type.set, null, "<publish node='urn:xmpp:avatar:metadata'><item id='abc'>"
                            + "<metadata xmlns='urn:xmpp:avatar:metadata'/></item></publish>"),
                    RawIq.pubsub(IQ.Type.get, self, items(OMEMO_NODE)),
                    RawIq.pubsub(IQ.Type.get, bob, items("urn:xmpp:microblog:0")));
            List<List<Stanza>> replies = RawIq.repliesTo(alice, requests, 1500);
            for (int i = 0; i < requests.size(); i++) {
                assertThat(replies.get(i)).as("replies to request %d: %s", i, requests.get(i).toXML()).hasSize(1);
            }
            for (int i = 0; i < 7; i++) {
                assertThat(type(replies.get(i).get(0))).as("directory node read %d", i).isEqualTo("result");
            }
            assertThat(xcard(replies.get(0).get(0))).contains("<fn><text>Alice Liddell</text></fn>");
            assertThat(xcard(replies.get(1).get(0))).contains("<fn><text>Alice Liddell</text></fn>");
            for (int i = 7; i < 9; i++) {
                assertThat(condition(replies.get(i).get(0))).as("publishing to a directory node").isEqualTo("not-allowed");
                assertThat(replies.get(i).get(0).getError().getDescriptiveText()).contains("BlueMind address book");
            }
            for (int i = 9; i < 11; i++) {
                Stanza r = replies.get(i).get(0);
                if (pep) {
                    assertThat(condition(r)).as("a node of tigase-pubsub's").isNotEqualTo("service-unavailable");
                } else {
                    assertThat(condition(r)).as("no PEP service").isEqualTo("service-unavailable");
                    assertThat(r.getError().getDescriptiveText()).contains("no PEP service");
                }
            }
        } finally {
            alice.disconnect();
        }
    }

    @Test
    void theAccountAdvertisesPepOnlyWhenAPepServiceIsDeployed() throws Exception {
        XMPPTCPConnection alice = XmppClients.login("alice@bluemind.test", "alice-pw");
        try {
            DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(alice)
                    .discoverInfo(XmppClients.jid("alice@bluemind.test"));
            assertThat(info.hasIdentity("pubsub", "pep")).as("pubsub/pep identity on the account").isEqualTo(pep);
            // the server's caps are in the stream features again, made well-formed (StreamFeaturesE2eIT checks them)
            assertThat(alice.hasFeature("c", "http://jabber.org/protocol/caps")).as("the server's caps in the features").isTrue();
        } finally {
            alice.disconnect();
        }
    }

    @Test
    void anOmemoDeviceListPublishedByOneUserIsReadByAnother() throws Exception {
        XMPPTCPConnection alice = XmppClients.login("alice@bluemind.test", "alice-pw");
        XMPPTCPConnection bob = XmppClients.login("bob@bluemind.test", "bob-pw");
        try {
            String deviceId = Long.toString(1_000_000L + (System.nanoTime() % 1_000_000L));
            IQ publish = RawIq.pubsub(IQ.Type.set, null, "<publish node='" + OMEMO_NODE + "'><item id='current'>"
                    + "<list xmlns='eu.siacs.conversations.axolotl'><device id='" + deviceId + "'/></list></item></publish>"
                    + String.format(PUBLISH_OPTIONS, "open"));
            List<Stanza> published = RawIq.repliesTo(alice, List.of(publish), 1000).get(0);
            assertThat(published).as("one reply to the publication").hasSize(1);
            IQ read = RawIq.pubsub(IQ.Type.get, XmppClients.jid("alice@bluemind.test"), items(OMEMO_NODE));
            List<Stanza> got = RawIq.repliesTo(bob, List.of(read), 1000).get(0);
            assertThat(got).as("one reply to the read").hasSize(1);
            if (pep) {
                assertThat(type(published.get(0))).as(published.get(0).toXML().toString()).isEqualTo("result");
                // no OMEMO provider in the test client: the item comes back as generic XML (xmlns on each element)
                assertThat(got.get(0).toXML().toString()).containsPattern("<device[^>]* id='" + deviceId + "'");
            } else {
                assertThat(condition(published.get(0))).isEqualTo("service-unavailable");
                assertThat(condition(got.get(0))).isEqualTo("service-unavailable");
            }
        } finally {
            alice.disconnect();
            bob.disconnect();
        }
    }

    @Test
    void aBookmarkIsStoredAndReadBack() throws Exception {
        XMPPTCPConnection bob = XmppClients.login("bob@bluemind.test", "bob-pw");
        try {
            String room = "pep-e2e-" + System.nanoTime() + "@conference.bluemind.test";
            IQ store = RawIq.pubsub(IQ.Type.set, null, "<publish node='" + BOOKMARKS_NODE + "'><item id='" + room + "'>"
                    + "<conference xmlns='urn:xmpp:bookmarks:1' name='Team room' autojoin='true'><nick>bob</nick>"
                    + "</conference></item></publish>" + String.format(PUBLISH_OPTIONS, "whitelist"));
            List<Stanza> stored = RawIq.repliesTo(bob, List.of(store), 1000).get(0);
            assertThat(stored).hasSize(1);
            List<Stanza> read = RawIq.repliesTo(bob, List.of(RawIq.pubsub(IQ.Type.get, null, items(BOOKMARKS_NODE))),
                    1000).get(0);
            assertThat(read).hasSize(1);
            if (pep) {
                assertThat(type(stored.get(0))).as(stored.get(0).toXML().toString()).isEqualTo("result");
                assertThat(read.get(0).toXML().toString()).contains(room, "Team room");
            } else {
                assertThat(condition(stored.get(0))).isEqualTo("service-unavailable");
                assertThat(condition(read.get(0))).isEqualTo("service-unavailable");
            }
        } finally {
            bob.disconnect();
        }
    }

    @Test
    void aColleaguesVCard4AndNickItemsComeFromTheAddressBook() throws Exception {
        XMPPTCPConnection alice = XmppClients.login("alice@bluemind.test", "alice-pw");
        try {
            EntityBareJid bob = XmppClients.jid("bob@bluemind.test");
            List<List<Stanza>> replies = RawIq.repliesTo(alice, List.of(
                    RawIq.pubsub(IQ.Type.get, bob, items("urn:xmpp:vcard4")),
                    RawIq.pubsub(IQ.Type.get, bob, items("http://jabber.org/protocol/nick"))), 500);
            String vcard4 = xcard(replies.get(0).get(0));
            assertThat(vcard4).contains("node='urn:xmpp:vcard4'", "item id='current'", "<fn><text>Bob Martin</text></fn>",
                    "<title><text>Engineer</text></title>", "<text>BlueMind Test Corp</text>")
                    .doesNotContain("<photo>");
            assertThat(replies.get(1).get(0).toXML().toString())
                    .contains("node='http://jabber.org/protocol/nick'", "<nick xmlns='http://jabber.org/protocol/nick'>bob</nick>");
        } finally {
            alice.disconnect();
        }
    }

    @Test
    void aColleagueAddedWithoutANameGetsTheirDirectoryName() throws Exception {
        String lea = "lea.pep@bluemind.test";
        try {
            stack.core.addUser(lea, "lea-pw", "hasIM");
        } catch (IllegalArgumentException alreadyThere) {
            // another run in this JVM added her
        }
        stack.core.setFormattedName(lea, "Léa Martin");
        XMPPTCPConnection frank = XmppClients.login("frank@bluemind.test", "frank-pw");
        try {
            Roster roster = Roster.getInstanceFor(frank);
            roster.reloadAndWait();
            roster.createItem(XmppClients.jid(lea), null, null);
            RosterEntry entry = null;
            for (Instant until = Instant.now().plus(Duration.ofSeconds(10)); Instant.now().isBefore(until); ) {
                entry = roster.getEntry(XmppClients.jid(lea));
                if (entry != null && entry.getName() != null) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(entry).as("the roster push").isNotNull();
            assertThat(entry.getName()).isEqualTo("Léa Martin");
            roster.createItem(XmppClients.jid("alice@bluemind.test"), "Ali from work", null);
            Thread.sleep(500);
            assertThat(roster.getEntry(XmppClients.jid("alice@bluemind.test")).getName())
                    .as("a name the user typed is kept").isEqualTo("Ali from work");
        } finally {
            frank.disconnect();
        }
        XMPPTCPConnection again = XmppClients.login("frank@bluemind.test", "frank-pw");
        try {
            Roster roster = Roster.getInstanceFor(again);
            roster.reloadAndWait();
            assertThat(roster.getEntry(XmppClients.jid(lea)).getName()).as("stored by Tigase").isEqualTo("Léa Martin");
        } finally {
            again.disconnect();
        }
    }

    @Test
    void aNameChangedInTheAddressBookReachesContactsAsVCard4AndNickNotifications() throws Exception {
        String ann = "ann.pep@bluemind.test";
        String ben = "ben.pep@bluemind.test";
        for (String u : List.of(ann, ben)) {
            try {
                stack.core.addUser(u, "pep-pw", "hasIM");
            } catch (IllegalArgumentException alreadyThere) {
                // added earlier in this JVM
            }
        }
        stack.core.setFormattedName(ann, "Ann Before");
        XMPPTCPConnection a = XmppClients.login(ann, "pep-pw");
        XMPPTCPConnection b = XmppClients.login(ben, "pep-pw");
        try {
            BlockingQueue<Message> events = new LinkedBlockingQueue<>();
            b.addSyncStanzaListener(s -> events.add((Message) s), new AndFilter(StanzaTypeFilter.MESSAGE,
                    new StanzaExtensionFilter("event", "http://jabber.org/protocol/pubsub#event")));
            Roster ra = Roster.getInstanceFor(a);
            Roster rb = Roster.getInstanceFor(b);
            ra.setSubscriptionMode(Roster.SubscriptionMode.accept_all);
            rb.setSubscriptionMode(Roster.SubscriptionMode.accept_all);
            rb.createItemAndRequestSubscription(XmppClients.jid(ann), "Ann", null);
            ra.createItemAndRequestSubscription(XmppClients.jid(ben), "Ben", null);
            for (Instant until = Instant.now().plusSeconds(10); Instant.now().isBefore(until)
                    && !rb.getPresence(XmppClients.jid(ann)).isAvailable(); ) {
                Thread.sleep(100);
            }
            assertThat(rb.getPresence(XmppClients.jid(ann)).isAvailable()).as("ben sees ann online").isTrue();
            Thread.sleep(500);
            events.clear();

            stack.core.setFormattedName(ann, "Ann After");
            stack.publish(BusPublisher.DIRECTORY, "user.updated",
                    Map.of("domain", "bluemind.test", "uid", stack.core.user(ann).uid()));
            String vcard4 = null;
            String nick = null;
            for (Instant until = Instant.now().plusSeconds(15); Instant.now().isBefore(until)
                    && (vcard4 == null || nick == null); ) {
                Message m = events.poll(1, TimeUnit.SECONDS);
                if (m == null || !m.getFrom().toString().equals(ann)) {
                    continue;
                }
                String xml = m.toXML().toString();
                if (xml.contains("urn:xmpp:vcard4")) {
                    vcard4 = xml;
                } else if (xml.contains("http://jabber.org/protocol/nick")) {
                    nick = xml;
                }
            }
            assertThat(vcard4).as("ben is told of ann's new vCard4").isNotNull().contains("Ann After");
            assertThat(nick).as("and of her nick (display name: she has no nickname)").isNotNull().contains("Ann After");
        } finally {
            a.disconnect();
            b.disconnect();
        }
    }

    @Test
    void avatarHeadlinesLeaveNoWarningInTigasesLog() throws Exception {
        XMPPTCPConnection alice = XmppClients.login("alice@bluemind.test", "alice-pw");
        XMPPTCPConnection bob = XmppClients.login("bob@bluemind.test", "bob-pw");
        try {
            alice.sendStanza(alice.getStanzaFactory().buildPresenceStanza()
                    .to(XmppClients.jid("bob@bluemind.test")).build());
            Thread.sleep(2000); // the avatar notifications that follow presence, and Tigase's log writer
        } finally {
            alice.disconnect();
            bob.disconnect();
        }
        StringBuilder log = new StringBuilder();
        try (var files = Files.list(stack.tigase.home().resolve("logs"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("tigase.log")).toList()) {
                log.append(Files.readString(f, StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(log).as("Tigase's log").isNotEmpty();
        assertThat(log.toString()).doesNotContain("Not an AMP packet", "AMP packet but empty rule-set",
                "vcard plugin failed", "vcard plugin could not look at");
    }
}
