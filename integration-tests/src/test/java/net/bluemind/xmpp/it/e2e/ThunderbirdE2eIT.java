package net.bluemind.xmpp.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * What Thunderbird (153 ESR, the first client of BlueMind's guide) sees (issue 24). Its XMPP code reads only the
 * first {@code <x>} child of a presence: a room's self-presence whose first {@code <x>} is not {@code muc#user}
 * hides status 201, Thunderbird never sends the instant-room configuration and the room stays locked for everyone
 * else. And it shows a contact under its roster item's name, so a roster item Tigase creates itself (a subscription
 * answered by an automatic {@code subscribed}) must carry the directory's name, not the address's local part.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThunderbirdE2eIT {

    private static final String DOMAIN = E2eStack.DOMAIN;
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String MUC = "http://jabber.org/protocol/muc";
    private static final String MUC_USER = "http://jabber.org/protocol/muc#user";
    private static final String MUC_OWNER = "http://jabber.org/protocol/muc#owner";

    private final List<XMPPTCPConnection> open = new ArrayList<>();
    private E2eStack stack;
    private boolean users;

    @BeforeAll
    void startStack() throws Exception {
        stack = E2eStack.get();
    }

    @BeforeEach
    void needsTheStack() {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        if (!users) {
            for (String u : List.of("ann", "ben", "bob", "lea")) {
                stack.core.addUser("tb-" + u + "@" + DOMAIN, u + "-pw", "hasIM");
            }
            stack.core.setFormattedName("tb-lea@" + DOMAIN, "Léa Martin");
            stack.core.setFormattedName("tb-bob@" + DOMAIN, "Bob Durand");
            users = true;
        }
    }

    @AfterAll
    void disconnect() {
        open.forEach(XMPPTCPConnection::disconnect);
    }

    private XMPPTCPConnection user(String name, RawXmlCapture raw) throws Exception {
        XMPPTCPConnection c = raw == null ? XmppClients.login("tb-" + name + "@" + DOMAIN, name + "-pw")
                : XmppClients.loginRecording("tb-" + name + "@" + DOMAIN, name + "-pw", raw);
        open.add(c);
        return c;
    }

    // --- rooms: muc#user is the first <x> ------------------------------------------------------

    @Test
    void aRoomCreatedTheThunderbirdWayIsConfiguredAsInstantAndOthersJoinIt() throws Exception {
        assumeTrue(stack.hasComponent("tigase-muc"), GroupChatE2eIT.NO_MUC);
        EntityBareJid room = XmppClients.jid("tb-room-" + RUN + "@conference." + DOMAIN);
        RawXmlCapture annRaw = new RawXmlCapture();
        XMPPTCPConnection ann = user("ann", annRaw);

        // Thunderbird's join: <x xmlns='muc'/>, no avatar stamp (the server adds one)
        ann.sendStanza(ann.getStanzaFactory().buildPresenceStanza().to(JidCreate.entityFullFrom(room + "/ann"))
                .addExtension(StandardExtensionElement.builder("x", MUC).build()).build());
        Element self = awaitPresence(annRaw, room + "/ann");

        // ...and its reading of the answer: the first <x> only
        Element firstX = firstX(self);
        List<String> codes = firstX == null ? List.of() : statusCodes(firstX);
        if (firstX != null && MUC_USER.equals(firstX.getNamespaceURI()) && codes.contains("201")) {
            IQ instant = new RawIq("query", MUC_OWNER, "<x xmlns='jabber:x:data' type='submit'/>", IQ.Type.set, room);
            ann.createStanzaCollectorAndSend(instant).nextResultOrThrow();
        }

        RawXmlCapture benRaw = new RawXmlCapture();
        XMPPTCPConnection ben = user("ben", benRaw);
        MultiUserChat benRoom = MultiUserChatManager.getInstanceFor(ben).getMultiUserChat(room);
        try {
            benRoom.join(Resourcepart.from("ben"));
        } catch (XMPPErrorException e) {
            throw new AssertionError("another user cannot join the room Thunderbird created (" + e.getStanzaError()
                    .getCondition() + "): the creator's self-presence was " + serialized(self), e);
        }
        assertThat(firstX).as("the first <x> of the creator's self-presence").isNotNull();
        assertThat(firstX.getNamespaceURI()).isEqualTo(MUC_USER);
        assertThat(codes).contains("110", "201");

        // every presence from the room, to either occupant, has muc#user as its first <x>
        Element annSeenByBen = awaitPresence(benRaw, room + "/ann");
        Element benSelf = awaitPresence(benRaw, room + "/ben");
        Element benSeenByAnn = awaitPresence(annRaw, room + "/ben");
        for (Element p : List.of(annSeenByBen, benSelf, benSeenByAnn)) {
            assertThat(firstX(p)).as("first <x> of %s", serialized(p)).isNotNull();
            assertThat(firstX(p).getNamespaceURI()).as("first <x> of %s", serialized(p)).isEqualTo(MUC_USER);
            assertThat(children(p, "x")).as("the occupant's avatar stamp is kept, after muc#user: %s", serialized(p))
                    .extracting(Element::getNamespaceURI).containsExactly(MUC_USER, "vcard-temp:x:update");
        }
        assertThat(statusCodes(firstX(benSelf))).contains("110");
    }

    // --- roster items Tigase creates carry the directory's name --------------------------------

    @Test
    void aContactWhoseItemTigaseCreatedOnASubscriptionHasTheDirectoryNameOnBothSides() throws Exception {
        EntityBareJid leaJid = XmppClients.jid("tb-lea@" + DOMAIN);
        EntityBareJid bobJid = XmppClients.jid("tb-bob@" + DOMAIN);
        XMPPTCPConnection lea = user("lea", null);
        Roster.getInstanceFor(lea).setSubscriptionMode(Roster.SubscriptionMode.accept_all); // an automatic 'subscribed'
        Roster.getInstanceFor(lea).reloadAndWait();
        RawXmlCapture bobRaw = new RawXmlCapture();
        XMPPTCPConnection bob = user("bob", bobRaw);
        Roster bobRoster = Roster.getInstanceFor(bob);
        bobRoster.reloadAndWait();

        // no roster set, no name: Tigase creates bob's item for lea, and lea's for bob, itself
        Presence subscribe = bob.getStanzaFactory().buildPresenceStanza().ofType(Presence.Type.subscribe).to(leaJid)
                .build();
        bob.sendStanza(subscribe);

        RosterEntry pushed = awaitEntry(bobRoster, leaJid, RosterPacket.ItemType.to);
        assertThat(pushed.getName()).as("the roster push bob got for lea").isEqualTo("Léa Martin");
        RosterEntry leaSide = awaitEntry(Roster.getInstanceFor(lea), bobJid, RosterPacket.ItemType.from);
        assertThat(leaSide.getName()).as("the roster push lea got for bob").isEqualTo("Bob Durand");
        Matcher item = Pattern.compile("<item[^>]*jid=['\"]" + Pattern.quote(leaJid.toString()) + "['\"][^>]*>")
                .matcher(bobRaw.stream());
        List<String> items = new ArrayList<>();
        while (item.find()) {
            items.add(item.group());
        }
        assertThat(items).as("every roster item for lea bob's client received").isNotEmpty()
                .allSatisfy(i -> assertThat(i).containsPattern("name=['\"]Léa Martin['\"]"));

        bob.disconnect();
        lea.disconnect();
        XMPPTCPConnection bobAgain = user("bob", null);
        Roster again = Roster.getInstanceFor(bobAgain);
        again.reloadAndWait();
        assertThat(again.getEntry(leaJid)).as("bob's stored item for lea").isNotNull();
        assertThat(again.getEntry(leaJid).getName()).as("bob's stored item for lea").isEqualTo("Léa Martin");
        XMPPTCPConnection leaAgain = user("lea", null);
        Roster leaRoster = Roster.getInstanceFor(leaAgain);
        leaRoster.reloadAndWait();
        assertThat(leaRoster.getEntry(bobJid)).as("lea's stored item for bob").isNotNull();
        assertThat(leaRoster.getEntry(bobJid).getName()).as("lea's stored item for bob").isEqualTo("Bob Durand");
    }

    private static RosterEntry awaitEntry(Roster roster, EntityBareJid jid, RosterPacket.ItemType type)
            throws InterruptedException {
        RosterEntry e = null;
        for (Instant until = Instant.now().plus(Duration.ofSeconds(15)); Instant.now().isBefore(until); Thread.sleep(100)) {
            e = roster.getEntry(jid);
            if (e != null && e.getType() == type) {
                return e;
            }
        }
        throw new AssertionError("no roster item " + jid + " with subscription " + type + " after 15 s, last: "
                + (e == null ? "none" : e.getType() + " named " + e.getName()));
    }

    // --- raw presence as a client parses it -----------------------------------------------------

    private static final Pattern PRESENCE = Pattern.compile("<presence\\b[^>]*?/>|<presence\\b[^>]*>.*?</presence>",
            Pattern.DOTALL);

    /** The first available presence from {@code from} in what the client received, as parsed XML. */
    private static Element awaitPresence(RawXmlCapture raw, String from) throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            Matcher m = PRESENCE.matcher(raw.stream());
            while (m.find()) {
                Element p = parse(m.group());
                if (from.equals(p.getAttribute("from")) && p.getAttribute("type").isEmpty()) {
                    return p;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no presence from " + from + " within 10 s");
    }

    private static Element parse(String stanza) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(stanza))).getDocumentElement();
    }

    /** Thunderbird's {@code getElement(["x"])}: the first child named x, whatever its namespace. */
    private static Element firstX(Element presence) {
        List<Element> xs = children(presence, "x");
        return xs.isEmpty() ? null : xs.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static List<String> statusCodes(Element x) {
        List<String> codes = new ArrayList<>();
        for (Element s : children(x, "status")) {
            codes.add(s.getAttribute("code"));
        }
        return codes;
    }

    private static String serialized(Element e) {
        try {
            var t = javax.xml.transform.TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(javax.xml.transform.OutputKeys.OMIT_XML_DECLARATION, "yes");
            var out = new java.io.StringWriter();
            t.transform(new javax.xml.transform.dom.DOMSource(e), new javax.xml.transform.stream.StreamResult(out));
            return out.toString();
        } catch (Exception ex) {
            return e.toString();
        }
    }
}
