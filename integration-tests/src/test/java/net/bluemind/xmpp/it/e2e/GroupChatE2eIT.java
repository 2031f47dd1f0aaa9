package net.bluemind.xmpp.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.bluemind.xmpp.testkit.services.BlueMindReader;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.mam.MamManager.MamQuery;
import org.jivesoftware.smackx.mam.MamManager.MamQueryArgs;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.sid.element.StanzaIdElement;
import org.jivesoftware.smackx.xdata.FormField;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Group chat as BlueMind users have it (issue 13): rooms at {@code conference.<domain>} (tigase-muc configured by
 * the shipped init.properties), room history read by MAM from the Elasticsearch archive under the room's own
 * rules, each room message one document, and Smack (Spark) kept connected by the room's disco#info. Skipped when
 * the Tigase under test has no tigase-muc jar.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupChatE2eIT {

    static final String NO_MUC = "group chat e2e skipped: TIGASE_HOME has no tigase-muc jar (use Tigase's full distribution)";
    private static final String DOMAIN = E2eStack.DOMAIN;
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private final List<XMPPTCPConnection> open = new ArrayList<>();
    /** The last stanzas the room service sent to any of the test's connections, for the message of a failed wait. */
    private static final java.util.Deque<String> FROM_ROOMS = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private E2eStack stack;
    private BlueMindReader reader;
    private boolean users;

    @BeforeAll
    void startStack() throws Exception {
        stack = E2eStack.get();
        reader = stack == null ? null : new BlueMindReader(stack.es);
    }

    @BeforeEach
    void needsTigaseWithMuc() {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        assumeTrue(stack.hasComponent("tigase-muc"), NO_MUC);
        if (!users) {
            for (String u : List.of("ann", "ben", "cid", "out")) {
                stack.core.addUser("muc-" + u + "@" + DOMAIN, u + "-pw", "hasIM");
            }
            users = true;
        }
    }

    @AfterAll
    void disconnect() {
        open.forEach(XMPPTCPConnection::disconnect);
    }

    /**
     * A new device of the user, under a resource of its own. The tests leave their connections open: with one
     * resource for all, each login replaced the previous test's session, whose leaving of its rooms and whatever was
     * bounced for it carry the same full JID as the new session (tigase-muc's ghostbuster removes a full JID from
     * every room when an error comes back from it). A CI run once saw the first message of a new room never echoed.
     */
    private XMPPTCPConnection user(String name) throws Exception {
        XMPPTCPConnection c = XmppClients.loginAt(XmppClients.SERVER, "muc-" + name + "@" + DOMAIN, name + "-pw",
                "e2e-" + open.size());
        c.addAsyncStanzaListener(st -> {
            FROM_ROOMS.addLast(c.getUser() + " <- " + st.toXML());
            while (FROM_ROOMS.size() > 30) {
                FROM_ROOMS.pollFirst();
            }
        }, st -> st.getFrom() != null && st.getFrom().toString().contains("@conference."));
        open.add(c);
        return c;
    }

    private static EntityBareJid jidOf(String name) throws Exception {
        return XmppClients.jid("muc-" + name + "@" + DOMAIN);
    }

    private static EntityBareJid room(String name) throws Exception {
        return XmppClients.jid(name + "-" + RUN + "@conference." + DOMAIN);
    }

    private static Resourcepart nick(String n) throws Exception {
        return Resourcepart.from(n);
    }

    @Test
    void everyDomainAndAliasHasItsRoomServiceAtConferenceAndNotAtMuc() throws Exception {
        XMPPTCPConnection ann = user("ann");
        ServiceDiscoveryManager disco = ServiceDiscoveryManager.getInstanceFor(ann);
        for (String domain : List.of(DOMAIN, "corp.test")) {
            DiscoverInfo info = disco.discoverInfo(JidCreate.domainBareFrom("conference." + domain));
            assertThat(info.getIdentities()).as("identities of conference.%s", domain)
                    .anySatisfy(i -> assertThat(i.getCategory()).isEqualTo("conference"));
            assertThat(info.containsFeature("http://jabber.org/protocol/muc")).isTrue();
        }
        assertThat(MultiUserChatManager.getInstanceFor(ann).getMucServiceDomains())
                .extracting(Object::toString).contains("conference." + DOMAIN).doesNotContain("muc." + DOMAIN);
        boolean mucAnswers;
        try {
            mucAnswers = disco.discoverInfo(JidCreate.domainBareFrom("muc." + DOMAIN)).getIdentities().stream()
                    .anyMatch(i -> i.getCategory().equals("conference"));
        } catch (XMPPErrorException e) {
            mucAnswers = false;
        }
        assertThat(mucAnswers).as("Tigase's default muc.<domain> is not also active").isFalse();
    }

    @Test
    void bmXmppCheckReportsTheRoomServiceOfEachDomain() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("check-rooms");
        java.nio.file.Path init = dir.resolve("init.properties");
        java.nio.file.Files.writeString(init, "--bm-xmpp.core-url = " + stack.core.baseUrl() + "\n--bm-xmpp.core-token-file = "
                + stack.core.writeTokenFile(dir) + "\n--bm-xmpp.amqp-uri = " + stack.amqp + "\n--bm-xmpp.es-urls = " + stack.es + "\n");
        java.nio.file.Path password = java.nio.file.Files.writeString(dir.resolve("pw"), "ann-pw\n");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        net.bluemind.xmpp.check.CheckMain.run(new String[] {"check", "--config", init.toString(), "--resolver",
                "127.0.0.1:9", "--host", "127.0.0.1", "--login", "muc-ann@" + DOMAIN, "--password-file",
                password.toString()}, new java.io.PrintStream(out, true), System.err);
        assertThat(out.toString()).contains("OK    rooms  conference." + DOMAIN);
    }

    @Test
    void aDomainCreatedOnTheBusGetsItsRoomServiceWithoutRestart() throws Exception {
        String domain = "rooms-" + RUN + ".test";
        stack.core.addDomain(domain);
        stack.publishSystem("domain.created", domain);
        XMPPTCPConnection ann = user("ann");
        ServiceDiscoveryManager disco = ServiceDiscoveryManager.getInstanceFor(ann);
        Instant deadline = Instant.now().plusSeconds(30);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                DiscoverInfo info = disco.discoverInfo(JidCreate.domainBareFrom("conference." + domain));
                if (info.getIdentities().stream().anyMatch(i -> i.getCategory().equals("conference"))) {
                    return;
                }
            } catch (XMPPErrorException e) {
                last = e;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("conference." + domain + " did not answer as a room service 30 s after domain.created", last);
    }

    @Test
    void twoUsersTalkAndAThirdWhoNeverSpokeReadsTheHistoryByMamWithPagingAndFullText() throws Exception {
        EntityBareJid roomJid = room("talk");
        XMPPTCPConnection ann = user("ann");
        XMPPTCPConnection ben = user("ben");
        MultiUserChat annRoom = MultiUserChatManager.getInstanceFor(ann).getMultiUserChat(roomJid);
        annRoom.create(nick("ann")).makeInstant();
        MultiUserChat benRoom = MultiUserChatManager.getInstanceFor(ben).getMultiUserChat(roomJid);
        BlockingQueue<Message> benInbox = new LinkedBlockingQueue<>();
        benRoom.addMessageListener(benInbox::add);
        benRoom.join(nick("ben"));

        String word = "quince" + RUN;
        List<String> said = List.of("ann one " + word, "ben one", "ann two", "ben two", "ann three");
        // each message is sent once the previous one came back from the room: two connections give no order
        // between them otherwise, and the expected order is the sending order
        Message first = null;
        for (String text : said) {
            (text.startsWith("ann") ? annRoom : benRoom).sendMessage(text);
            Message echoed = poll(benInbox, text);
            first = first == null ? echoed : first;
            Thread.sleep(5); // distinct archive times
        }
        StanzaIdElement sid = first.getExtension(StanzaIdElement.class);
        assertThat(sid).as("the reflection carries the room archive's XEP-0359 id").isNotNull();
        assertThat(sid.getBy()).isEqualTo(roomJid.toString());

        // each message is one document, whatever the number of occupants; the stanza-id is its archive id
        JsonNode hits = awaitRoomDocuments(roomJid, said.size());
        assertThat(hits).hasSize(said.size());
        List<String> ids = new ArrayList<>();
        hits.forEach(h -> ids.add(h.path("_id").asText()));
        assertThat(ids).doesNotHaveDuplicates().contains(sid.getId());
        // BlueMind's reader: to:<room>, newest first
        List<String> newestFirst = new ArrayList<>();
        hits.forEach(h -> newestFirst.add(h.path("_source").path("message").asText()));
        assertThat(newestFirst).containsExactly("ann three", "ben two", "ann two", "ben one", "ann one " + word);

        // cid never joined nor spoke: a public room's archive is readable by anyone allowed to join
        XMPPTCPConnection cid = user("cid");
        MamManager mam = MamManager.getInstanceFor(MultiUserChatManager.getInstanceFor(cid).getMultiUserChat(roomJid));
        MamQuery page = mam.queryArchive(MamQueryArgs.builder().setResultPageSize(2).build());
        List<String> read = new ArrayList<>(bodies(page.getMessages()));
        assertThat(read).containsExactly("ann one " + word, "ben one");
        read.addAll(bodies(page.pageNext(2)));
        read.addAll(bodies(page.pageNext(2)));
        assertThat(read).containsExactlyElementsOf(said);
        assertThat(page.isComplete()).isTrue();
        // paging from the id a client got in the live message
        MamQuery after = mam.queryArchive(MamQueryArgs.builder().afterUid(sid.getId()).build());
        assertThat(bodies(after.getMessages())).containsExactlyElementsOf(said.subList(1, said.size()));

        FormField fulltext = FormField.textSingleBuilder("{urn:xmpp:fulltext:0}fulltext").setValue(word).build();
        MamQuery found = mam.queryArchive(MamQueryArgs.builder().withAdditionalFormField(fulltext).build());
        assertThat(bodies(found.getMessages())).containsExactly("ann one " + word);
        assertThat(ann.isConnected() && ben.isConnected() && cid.isConnected()).isTrue();

        // a private message through the (non-anonymous) room is a chat between the two users, archived once
        String secret = "loquat" + RUN;
        BlockingQueue<Message> benPrivate = new LinkedBlockingQueue<>();
        ben.addSyncStanzaListener(st -> benPrivate.add((Message) st), st -> st instanceof Message m
                && m.getType() == Message.Type.chat && m.getBody() != null);
        ann.sendStanza(ann.getStanzaFactory().buildMessageStanza()
                .to(JidCreate.entityFullFrom(roomJid + "/ben")).ofType(Message.Type.chat).setBody(secret).build());
        Message benGot = benPrivate.poll(10, TimeUnit.SECONDS);
        assertThat(benGot).as("ben got ann's private message").isNotNull();
        JsonNode pm = reader.awaitHits("{\"match\":{\"message\":\"" + secret + "\"}}", 1);
        assertThat(pm).hasSize(1);
        StanzaIdElement pmId = benGot.getExtension(StanzaIdElement.class);
        assertThat(pmId).as("the private message carries the id of ben's archive").isNotNull();
        assertThat(pmId.getBy()).isEqualTo("muc-ben@" + DOMAIN);
        assertThat(pmId.getId()).isEqualTo(pm.get(0).path("_id").asText());
        assertThat(pm.get(0).path("_source").path("from").asText()).isEqualTo("muc-ann@" + DOMAIN);
        assertThat(pm.get(0).path("_source").path("to").asText()).isEqualTo("muc-ben@" + DOMAIN);
    }

    @Test
    void whoJoinsGetsTheRoomHistoryFromTheArchiveWithItsArchiveIdsAndWithinWhatTheyAskedFor() throws Exception {
        EntityBareJid roomJid = room("history");
        XMPPTCPConnection ann = user("ann");
        MultiUserChat annRoom = MultiUserChatManager.getInstanceFor(ann).getMultiUserChat(roomJid);
        BlockingQueue<Message> annInbox = new LinkedBlockingQueue<>();
        annRoom.addMessageListener(annInbox::add);
        annRoom.create(nick("ann")).makeInstant();
        List<String> said = List.of("history one", "history two", "history three");
        for (String text : said) {
            annRoom.sendMessage(text);
            poll(annInbox, text);
            Thread.sleep(5);
        }
        List<String> ids = new ArrayList<>();
        awaitRoomDocuments(roomJid, said.size()).forEach(h -> ids.add(0, h.path("_id").asText()));

        // default join: the room's history, oldest first, delayed, each with the id MAM at the room pages with
        List<Message> history = joinAndCollectHistory("cid", roomJid, null, said.size());
        assertThat(bodies(history)).containsExactlyElementsOf(said);
        assertThat(history).allSatisfy(m -> {
            assertThat(m.getFrom().toString()).as("under the nick it was said with").isEqualTo(roomJid + "/ann");
            assertThat(m.hasExtension("delay", "urn:xmpp:delay")).as("XEP-0203 delay").isTrue();
        });
        assertThat(history).extracting(m -> m.getExtension(StanzaIdElement.class).getId()).containsExactlyElementsOf(ids);
        assertThat(history).extracting(m -> m.getExtension(StanzaIdElement.class).getBy())
                .containsOnly(roomJid.toString());

        MamQuery mam = MamManager.getInstanceFor(MultiUserChatManager.getInstanceFor(user("cid")).getMultiUserChat(roomJid))
                .queryArchive(MamQueryArgs.builder().build());
        assertThat(mam.getMessages()).extracting(m -> m.getFrom().toString()).containsOnly(roomJid + "/ann");

        // what the joining client asks for bounds it: the newest one only; none (Conversations, catching up by MAM)
        assertThat(bodies(joinAndCollectHistory("ben", roomJid, 1, 1))).containsExactly("history three");
        assertThat(joinAndCollectHistory("out", roomJid, 0, 0)).isEmpty();
    }

    @Test
    void withElasticsearchDownARoomStillWorksAndItsMessagesReachTheArchiveWhenItIsBack() throws Exception {
        EntityBareJid roomJid = room("nostore");
        stack.restartWith(Map.of("es-urls", "http://127.0.0.1:9")); // nothing listens there
        try {
            XMPPTCPConnection ann = user("ann");
            MultiUserChat annRoom = MultiUserChatManager.getInstanceFor(ann).getMultiUserChat(roomJid);
            BlockingQueue<Message> annInbox = new LinkedBlockingQueue<>();
            annRoom.addMessageListener(annInbox::add);
            annRoom.create(nick("ann")).makeInstant();
            annRoom.sendMessage("said while the archive was down");
            Message echoed = poll(annInbox, "said while the archive was down");
            assertThat(echoed.getExtension(StanzaIdElement.class)).as("spooled: it has its archive id").isNotNull();
            assertThat(joinAndCollectHistory("ben", roomJid, null, 0)).as("no history, but the join works").isEmpty();
        } finally {
            open.forEach(XMPPTCPConnection::disconnect);
            open.clear();
            stack.restartWith(Map.of("es-urls", stack.es.toString()));
        }
        assertThat(awaitRoomDocuments(roomJid, 1)).as("replayed from the spool, once").hasSize(1);
        assertThat(bodies(joinAndCollectHistory("cid", roomJid, null, 1))).containsExactly("said while the archive was down");
    }

    /** Joins as {@code name} (maxStanzas null: no {@code <history/>}; 0: none asked) and returns the delayed messages. */
    private List<Message> joinAndCollectHistory(String name, EntityBareJid roomJid, Integer maxStanzas, int expected)
            throws Exception {
        XMPPTCPConnection c = user(name);
        BlockingQueue<Message> delayed = new LinkedBlockingQueue<>();
        c.addSyncStanzaListener(st -> delayed.add((Message) st), st -> st instanceof Message m
                && m.getType() == Message.Type.groupchat && m.getBody() != null && m.hasExtension("delay", "urn:xmpp:delay"));
        MultiUserChat muc = MultiUserChatManager.getInstanceFor(c).getMultiUserChat(roomJid);
        var enter = muc.getEnterConfigurationBuilder(nick(name));
        if (maxStanzas != null && maxStanzas == 0) {
            enter.requestNoHistory();
        } else if (maxStanzas != null) {
            enter.requestMaxStanzasHistory(maxStanzas);
        }
        muc.join(enter.build());
        List<Message> got = new ArrayList<>();
        Instant deadline = Instant.now().plusSeconds(expected == 0 ? 2 : 10);
        while (Instant.now().isBefore(deadline) && got.size() <= expected) {
            Message m = delayed.poll(200, TimeUnit.MILLISECONDS);
            if (m != null) {
                got.add(m);
            } else if (got.size() == expected && expected > 0) {
                Thread.sleep(500); // one more would be one too many: give it the time to arrive
                delayed.drainTo(got);
                break;
            }
        }
        return got;
    }

    @Test
    void aMembersOnlyRoomIsReadByItsMembersAndRefusesOutsidersAndOutcasts() throws Exception {
        EntityBareJid roomJid = room("board");
        XMPPTCPConnection ann = user("ann");
        MultiUserChat annRoom = MultiUserChatManager.getInstanceFor(ann).getMultiUserChat(roomJid);
        annRoom.create(nick("ann")).getConfigFormManager().makeMembersOnly().submitConfigurationForm();
        annRoom.grantMembership(jidOf("cid"));
        annRoom.banUser(jidOf("ben"), "not on the board");
        String word = "medlar" + RUN;
        annRoom.sendMessage("board only " + word);
        awaitRoomDocuments(roomJid, 1);

        XMPPTCPConnection cid = user("cid");
        MamQuery mine = MamManager.getInstanceFor(MultiUserChatManager.getInstanceFor(cid).getMultiUserChat(roomJid))
                .queryArchive(MamQueryArgs.builder().build());
        assertThat(bodies(mine.getMessages())).as("a member who never joined reads the archive").containsExactly("board only " + word);

        XMPPTCPConnection out = user("out");
        MultiUserChat outRoom = MultiUserChatManager.getInstanceFor(out).getMultiUserChat(roomJid);
        assertThatThrownBy(() -> MamManager.getInstanceFor(outRoom).queryArchive(MamQueryArgs.builder().build()))
                .isInstanceOfSatisfying(XMPPErrorException.class, e -> assertThat(e.getStanzaError().getCondition())
                        .isEqualTo(StanzaError.Condition.forbidden));
        assertThatThrownBy(() -> outRoom.join(nick("out")))
                .isInstanceOfSatisfying(XMPPErrorException.class, e -> assertThat(e.getStanzaError().getCondition())
                        .isEqualTo(StanzaError.Condition.registration_required));

        XMPPTCPConnection ben = user("ben");
        MultiUserChat benRoom = MultiUserChatManager.getInstanceFor(ben).getMultiUserChat(roomJid);
        assertThatThrownBy(() -> MamManager.getInstanceFor(benRoom).queryArchive(MamQueryArgs.builder().build()))
                .as("an outcast").isInstanceOfSatisfying(XMPPErrorException.class, e -> assertThat(
                        e.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.forbidden));
        assertThat(out.isConnected() && ben.isConnected()).isTrue();
    }

    @Test
    void roomDiscoInfoConfigurationAndJoinKeepSmackConnectedWithTypedMultiValueFields() throws Exception {
        EntityBareJid roomJid = room("info");
        XMPPTCPConnection ann = user("ann");
        MultiUserChat annRoom = MultiUserChatManager.getInstanceFor(ann).getMultiUserChat(roomJid);
        annRoom.create(nick("ann")).makeInstant();
        annRoom.grantOwnership(jidOf("cid")); // two owners: muc#roomconfig_roomowners has two values

        RawXmlCapture raw = new RawXmlCapture();
        XMPPTCPConnection ben = XmppClients.loginRecording("muc-ben@" + DOMAIN, "ben-pw", raw);
        open.add(ben);
        MultiUserChatManager.getInstanceFor(ben).getRoomInfo(roomJid);
        MultiUserChat benRoom = MultiUserChatManager.getInstanceFor(ben).getMultiUserChat(roomJid);
        benRoom.join(nick("ben"));
        assertThat(ann.isConnected()).isTrue();
        assertThat(annRoom.getConfigurationForm().getDataForm().getFields()).isNotEmpty();

        String xml = raw.received();
        assertThat(fieldTag(xml, "muc#roomconfig_presencebroadcast")).as("raw disco#info field")
                .containsPattern("type=['\"]list-multi['\"]");
        assertThat(fieldTag(xml, "muc#roomconfig_roomowners")).containsPattern("type=['\"]jid-multi['\"]");
        assertThat(ben.isConnected()).as("Smack is still connected after the room's disco#info").isTrue();
    }

    private static String fieldTag(String xml, String var) {
        Matcher m = Pattern.compile("<field[^>]*var=['\"]" + Pattern.quote(var) + "['\"][^>]*>").matcher(xml);
        assertThat(m.find()).as("a <field var='%s'> in what the client received", var).isTrue();
        return m.group();
    }

    private static Message poll(BlockingQueue<Message> inbox, String body) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            Message m = inbox.poll(500, TimeUnit.MILLISECONDS);
            if (m != null && body.equals(m.getBody())) {
                return m;
            }
        }
        throw new AssertionError("no room message '" + body + "' within 10 s; the last stanzas from rooms:\n"
                + String.join("\n", FROM_ROOMS));
    }

    private static List<String> bodies(List<Message> messages) {
        return messages.stream().map(Message::getBody).toList();
    }

    /** BlueMind's reader of a room: to:<room>, newest first; waits until {@code expected} documents are there. */
    private JsonNode awaitRoomDocuments(EntityBareJid room, int expected) throws Exception {
        return reader.awaitRoom(room.toString(), expected);
    }
}
