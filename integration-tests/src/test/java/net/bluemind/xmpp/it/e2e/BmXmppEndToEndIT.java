package net.bluemind.xmpp.it.e2e;

import net.bluemind.xmpp.testkit.tigase.TigaseUnderTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.bluemind.xmpp.testkit.bus.BusPublisher;
import net.bluemind.xmpp.testkit.core.BmCoreSimulator;
import net.bluemind.xmpp.testkit.services.ElasticsearchService;
import net.bluemind.xmpp.testkit.services.RabbitMqService;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.StanzaExtensionFilter;
import org.jivesoftware.smack.filter.StanzaTypeFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.SimpleIQ;
import org.jivesoftware.smack.packet.StreamError;
import org.jivesoftware.smack.packet.UnparsedIQ;
import org.jivesoftware.smack.sasl.SASLErrorException;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.mam.MamManager;
import org.jivesoftware.smackx.pubsub.ItemsExtension;
import org.jivesoftware.smackx.pubsub.packet.PubSub;
import org.jivesoftware.smackx.mam.MamManager.MamQuery;
import org.jivesoftware.smackx.mam.MamManager.MamQueryArgs;
import org.jivesoftware.smackx.vcardtemp.VCardManager;
import org.jivesoftware.smackx.vcardtemp.packet.VCard;
import org.jivesoftware.smackx.xdata.FormField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * End to end: a stock Tigase 8.4.0 (TIGASE_HOME) with the bundle dropped into jars/, configured only by
 * the shipped etc/init.properties, against the bm-core simulator, real RabbitMQ and real Elasticsearch,
 * driven by Smack (the library Spark is built on). Skipped, saying why, when TIGASE_HOME is not set.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class BmXmppEndToEndIT {

    private static final String DOMAIN = E2eStack.DOMAIN;

    private E2eStack stack;
    private BmCoreSimulator core;
    private TigaseUnderTest tigase;
    private URI es;
    private URI amqp;

    @BeforeAll
    void startStack() throws Exception {
        stack = E2eStack.get();
        if (stack != null) {
            core = stack.core;
            tigase = stack.tigase;
            es = stack.es;
            amqp = stack.amqp;
        }
    }

    @org.junit.jupiter.api.BeforeEach
    void needsTigase() {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
    }

    @Test
    void theShippedInitPropertiesConfiguredTigaseWithEveryPlugin() throws Exception {
        String config = tigase.effectiveConfig();
        assertThat(config).contains("net.bluemind.xmpp.auth.tigase.BmAuthRepository",
                "net.bluemind.xmpp.auth.tigase.BmSaslServerFactory",
                "net.bluemind.xmpp.vcard.tigase.BlueMindVCardTemp",
                "net.bluemind.xmpp.domains.tigase.BlueMindVHostRepository",
                "net.bluemind.xmpp.archive.tigase.ArchiveProcessor",
                "net.bluemind.xmpp.domains.tigase.PreparedUserDataRepository");
        assertThat(tigase.consoleLog()).doesNotContain("SettingsException");
        // logins wait on bm-core in the SASL processor's threads: 32, not Tigase's 4 (docs/operators-guide.md, "Sizing")
        assertThat(config).containsPattern("'urn:ietf:params:xml:ns:xmpp-sasl' \\(class: tigase.xmpp.impl.SaslAuth\\) \\{"
                + "[^}]*threadsNo = 32");
    }

    /**
     * What a user keeps in Tigase's store and Tigase reads at every login (the privacy plugin's default list, which
     * blocking, XEP-0191, writes) comes back at the next login through the store's prepared reads
     * ({@code PreparedUserDataRepository}).
     */
    @Test
    void aBlockedAddressIsStillBlockedAtTheNextLogin() throws Exception {
        org.jxmpp.jid.Jid spammer = org.jxmpp.jid.impl.JidCreate.from("spam@blocked.example");
        XMPPTCPConnection frank = XmppClients.login("frank@bluemind.test", "frank-pw");
        org.jivesoftware.smackx.blocking.BlockingCommandManager.getInstanceFor(frank).blockContacts(List.of(spammer));
        frank.disconnect();
        XMPPTCPConnection again = XmppClients.login("frank@bluemind.test", "frank-pw");
        try {
            org.jivesoftware.smackx.blocking.BlockingCommandManager blocking =
                    org.jivesoftware.smackx.blocking.BlockingCommandManager.getInstanceFor(again);
            assertThat(blocking.getBlockList()).as("frank's block list at his next login").contains(spammer);
            blocking.unblockAll();
        } finally {
            again.disconnect();
        }
    }

    /** Tigase converts init.properties once and renames it; the start path puts it back, so edits apply. */
    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void editingInitPropertiesAndRestartingTakesEffectAndContactListsSurvive() throws Exception {
        assertThat(tigase.effectiveConfig()).doesNotContain("bm-xmpp.auth-cache-ttl");
        XMPPTCPConnection frank = XmppClients.login("frank@bluemind.test", "frank-pw");
        Roster.getInstanceFor(frank).createItem(XmppClients.jid("bob@bluemind.test"), "Bob from accounting", null);
        frank.disconnect();
        stack.restartWith(Map.of("auth-cache-ttl", "42s"));
        assertThat(tigase.effectiveConfig()).contains("bm-xmpp.auth-cache-ttl", "42s");
        XMPPTCPConnection c = XmppClients.login("bob@bluemind.test", "bob-pw");
        assertThat(c.isAuthenticated()).isTrue();
        c.disconnect();

        // the shipped store is Tigase's embedded database: the contact list is still there
        XMPPTCPConnection again = XmppClients.login("frank@bluemind.test", "frank-pw");
        Roster roster = Roster.getInstanceFor(again);
        roster.reloadAndWait();
        assertThat(roster.getEntry(XmppClients.jid("bob@bluemind.test"))).as("frank's contact after the restart").isNotNull();
        assertThat(roster.getEntry(XmppClients.jid("bob@bluemind.test")).getName()).isEqualTo("Bob from accounting");
        again.disconnect();
    }

    /**
     * bm-xmpp check against the live stack: services and ports up, each domain's certificate served over STARTTLS, and
     * Tigase's s2s port as another server sees it.
     */
    @Test
    void bmXmppCheckSeesTheLiveServer() throws Exception {
        Path init = tigase.home().resolve("etc/init.properties.check");
        Files.writeString(init, "--bm-xmpp.core-url = " + core.baseUrl() + "\n--bm-xmpp.core-token-file = "
                + core.writeTokenFile(Files.createTempDirectory("check")) + "\n--bm-xmpp.amqp-uri = " + amqp
                + "\n--bm-xmpp.es-urls = " + es + "\n");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int code = net.bluemind.xmpp.check.CheckMain.run(new String[] {"check", "--config", init.toString(),
                "--resolver", "127.0.0.1:9", "--host", "127.0.0.1"}, new java.io.PrintStream(out, true), System.err);
        String text = out.toString();
        assertThat(text).contains("OK    core", "OK    bus", "OK    es", "OK    port   127.0.0.1:5222",
                "OK    port   127.0.0.1:5223", "OK    port   127.0.0.1:5269");
        assertThat(text).as("the domains plugin's self-signed certificate, with the right name")
                .contains("WARN  cert   bluemind.test", "self-signed", "clients ask users to accept it").doesNotContain("FAIL  cert");
        assertThat(text).as("as another server sees it: an s2s stream on 5269 for each domain").contains(
                "OK    s2s    bluemind.test            127.0.0.1:5269: STARTTLS offered and required; after TLS: dialback",
                "WARN  s2s    bluemind.test            127.0.0.1:5269: self-signed certificate",
                "federation only with servers that accept dialback").doesNotContain("FAIL  s2s");
        if (stack.hasComponent("tigase-muc")) {
            assertThat(text).as("and its rooms").contains(
                    "OK    s2s    conference.bluemind.test 127.0.0.1:5269: STARTTLS offered and required; after TLS: dialback",
                    "WARN  s2s    conference.bluemind.test 127.0.0.1:5269: self-signed certificate");
        } else {
            assertThat(text).as("server-only Tigase: no rooms, said as a warning").contains(
                    "WARN  s2s    conference.bluemind.test 127.0.0.1:5269: not served (host-unknown)");
        }
        assertThat(code).as("no DNS records on this machine: the SRV checks fail").isEqualTo(1);
    }

    @Test
    void loginWithoutEncryptionIsRefused() throws Exception {
        XMPPTCPConnection c = XmppClients.connection("alice@bluemind.test", "alice-pw", SecurityMode.disabled);
        try {
            assertThatThrownBy(() -> c.connect().login()).isInstanceOfAny(SmackException.class, XMPPException.class);
            assertThat(c.isAuthenticated()).isFalse();
        } finally {
            c.disconnect();
        }
    }

    @Test
    void aLoginWithAnAliasLandsOnTheDefaultEmailJid() throws Exception {
        XMPPTCPConnection c = XmppClients.login("alice.liddell@corp.test", "alice-pw");
        try {
            assertThat(c.getUser().asEntityBareJidString()).isEqualTo("alice@bluemind.test");
        } finally {
            c.disconnect();
        }
    }

    @Test
    void refusedLoginsCarryTheRightSaslCondition() throws Exception {
        assertThat(XmppClients.saslFailure("bob@bluemind.test", "not-bobs-password")).isEqualTo("not-authorized");
        assertThat(XmppClients.saslFailure("carol@bluemind.test", "carol-pw")).isEqualTo("account-disabled");
        assertThat(XmppClients.saslFailure("dave@bluemind.test", "dave-pw")).isEqualTo("account-disabled");
        assertThat(XmppClients.saslFailure("erin@bluemind.test", "erin-pw")).isEqualTo("credentials-expired");
    }

    @Test
    void withBmCoreDownNewLoginsGetATemporaryFailureCachedOnesGoOnAndTheServerRecovers() throws Exception {
        core.addUser("gus@bluemind.test", "gus-pw", "hasIM");
        XmppClients.login("alice@bluemind.test", "alice-pw").disconnect(); // alice's login is now cached
        XMPPTCPConnection bob = XmppClients.login("bob@bluemind.test", "bob-pw");
        core.goAway();
        try {
            assertThat(XmppClients.saslFailure("gus@bluemind.test", "gus-pw")).as("never verified, bm-core unreachable")
                    .isEqualTo("temporary-auth-failure");
            XMPPTCPConnection alice = XmppClients.login("alice@bluemind.test", "alice-pw");
            assertThat(alice.isAuthenticated()).as("a cached login still works while bm-core is down").isTrue();

            BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
            bob.addSyncStanzaListener(s -> inbox.add((Message) s), StanzaTypeFilter.MESSAGE);
            alice.sendStanza(alice.getStanzaFactory().buildMessageStanza().to(XmppClients.jid("bob@bluemind.test"))
                    .ofType(Message.Type.chat).setBody("bm-core is down, we are not").build());
            Message got = inbox.poll(10, TimeUnit.SECONDS);
            assertThat(got).as("open sessions keep chatting").isNotNull();
            assertThat(got.getBody()).isEqualTo("bm-core is down, we are not");
            alice.disconnect();
        } finally {
            core.comeBack();
            bob.disconnect();
        }
        XMPPTCPConnection gus = XmppClients.login("gus@bluemind.test", "gus-pw");
        assertThat(gus.getUser().asEntityBareJidString()).as("bm-core is back").isEqualTo("gus@bluemind.test");
        gus.disconnect();
    }

    @Test
    void aColleaguesVCardAndAvatarHashComeFromTheAddressBook() throws Exception {
        XMPPTCPConnection alice = XmppClients.connection("alice@bluemind.test", "alice-pw", SecurityMode.required);
        BlockingQueue<Message> ownAvatarEvents = new LinkedBlockingQueue<>();
        alice.addSyncStanzaListener(s -> ownAvatarEvents.add((Message) s), new AndFilter(StanzaTypeFilter.MESSAGE,
                new StanzaExtensionFilter("event", "http://jabber.org/protocol/pubsub#event")));
        alice.connect().login();
        XMPPTCPConnection bob = XmppClients.login("bob@bluemind.test", "bob-pw");
        try {
            VCard card = VCardManager.getInstanceFor(bob).loadVCard(XmppClients.jid("alice@bluemind.test"));
            assertThat(card.getFirstName()).isEqualTo("Alice");
            assertThat(card.getLastName()).isEqualTo("Liddell");
            assertThat(card.getAvatarHash()).as("alice has a directory photo").isNotBlank();

            // XEP-0084: the same photo as a PEP avatar, metadata item id = its SHA-1
            IQ avatar = PubSub.createPubsubPacket(XmppClients.jid("alice@bluemind.test"), IQ.Type.get,
                    new ItemsExtension(ItemsExtension.ItemsElementType.items, "urn:xmpp:avatar:metadata", null));
            String metadata = bob.sendIqRequestAndWaitForResponse(avatar).toXML().toString();
            assertThat(metadata).contains("urn:xmpp:avatar:metadata", card.getAvatarHash());

            // XEP-0292: the same card as vCard4
            IQ vcard4 = new SimpleIQ("vcard", "urn:ietf:params:xml:ns:vcard-4.0") {
            };
            vcard4.setTo(XmppClients.jid("alice@bluemind.test"));
            vcard4.setType(IQ.Type.get);
            IQ answer = bob.sendIqRequestAndWaitForResponse(vcard4);
            assertThat(answer).isInstanceOf(UnparsedIQ.class); // Smack has no vCard4 provider: the raw xCard
            String xcard = ((UnparsedIQ) answer).getContent().toString();
            assertThat(xcard).contains("urn:ietf:params:xml:ns:vcard-4.0", "<surname>Liddell</surname>", "<given>Alice</given>");

            VCard own = VCardManager.getInstanceFor(alice).loadVCard();
            own.setNickName("edited in the client");
            assertThatThrownBy(() -> VCardManager.getInstanceFor(alice).saveVCard(own))
                    .as("the address book is the source of vCards")
                    .isInstanceOfSatisfying(XMPPException.XMPPErrorException.class, e -> assertThat(
                            e.getStanzaError().getCondition()).isEqualTo(org.jivesoftware.smack.packet.StanzaError.Condition.not_allowed));

            BlockingQueue<Presence> seen = new LinkedBlockingQueue<>();
            bob.addSyncStanzaListener(s -> seen.add((Presence) s), StanzaTypeFilter.PRESENCE);
            BlockingQueue<Message> avatarEvents = new LinkedBlockingQueue<>();
            bob.addSyncStanzaListener(s -> avatarEvents.add((Message) s), new AndFilter(StanzaTypeFilter.MESSAGE,
                    new StanzaExtensionFilter("event", "http://jabber.org/protocol/pubsub#event")));
            alice.sendStanza(alice.getStanzaFactory().buildPresenceStanza().to(XmppClients.jid("bob@bluemind.test")).build());
            Presence p = null;
            for (Instant until = Instant.now().plusSeconds(10); Instant.now().isBefore(until) && p == null; ) {
                Presence next = seen.poll(1, TimeUnit.SECONDS);
                if (next != null && next.getFrom().asBareJid().toString().equals("alice@bluemind.test")) {
                    p = next;
                }
            }
            assertThat(p).as("alice's presence reached bob").isNotNull();
            assertThat(p.getExtensionElement("x", "vcard-temp:x:update")).as("XEP-0153 element").isNotNull();
            assertThat(p.getExtensionElement("x", "vcard-temp:x:update").toXML().toString()).contains(card.getAvatarHash());

            // XEP-0084: the owner's client is told of her own avatar after her initial presence
            Message own4 = ownAvatarEvents.poll(10, TimeUnit.SECONDS);
            assertThat(own4).as("alice's own avatar notification").isNotNull();
            assertThat(own4.getFrom().toString()).isEqualTo("alice@bluemind.test");
            assertThat(own4.toXML().toString()).contains("urn:xmpp:avatar:metadata", card.getAvatarHash());

            // XEP-0084: the presence is followed by the metadata notification a PEP service would send
            Message event = avatarEvents.poll(10, TimeUnit.SECONDS);
            assertThat(event).as("a pubsub#event notification from alice reached bob").isNotNull();
            assertThat(event.getFrom().toString()).isEqualTo("alice@bluemind.test");
            assertThat(event.toXML().toString()).contains("urn:xmpp:avatar:metadata", card.getAvatarHash());
        } finally {
            alice.disconnect();
            bob.disconnect();
        }
    }

    /**
     * XEP-0153 in the presence a contact gets when they log in after the user: Tigase answers the contact's probe
     * from the presence it stored at the user's login, stamped "not ready" (bare {@code <x/>}) while the hash was
     * read from bm-core; the re-broadcast that followed did not change that stored copy (seen in Gajim and Finch).
     */
    @Test
    void aContactWhoLogsInLaterGetsThePhotoHashNotTheNotReadyStamp() throws Exception {
        String hazel = "hazel.hash@" + DOMAIN;
        String ivan = "ivan.hash@" + DOMAIN;
        for (String u : List.of(hazel, ivan)) {
            try {
                core.addUser(u, "hash-pw", "hasIM");
            } catch (IllegalArgumentException alreadyThere) {
                // added earlier in this JVM
            }
        }
        byte[] png = BmCoreSimulator.paintPng(40, 40, java.awt.Color.GREEN); // served byte for byte
        core.setPhoto(hazel, png);
        String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(png));
        XMPPTCPConnection h = XmppClients.login(hazel, "hash-pw");
        XMPPTCPConnection i = XmppClients.login(ivan, "hash-pw");
        try {
            Roster rh = Roster.getInstanceFor(h);
            Roster ri = Roster.getInstanceFor(i);
            rh.setSubscriptionMode(Roster.SubscriptionMode.accept_all);
            ri.setSubscriptionMode(Roster.SubscriptionMode.accept_all);
            rh.createItemAndRequestSubscription(XmppClients.jid(ivan), "Ivan", null);
            ri.createItemAndRequestSubscription(XmppClients.jid(hazel), "Hazel", null);
            for (Instant until = Instant.now().plusSeconds(15); Instant.now().isBefore(until)
                    && !(both(rh, ivan) && both(ri, hazel)); ) {
                Thread.sleep(200);
            }
            assertThat(both(rh, ivan) && both(ri, hazel)).as("mutual subscription").isTrue();
        } finally {
            h.disconnect();
            i.disconnect();
        }
        Thread.sleep(1000); // both sessions gone on the server: nobody's presence carries hazel's hash
        // hazel's card leaves the cache: at her next login the hash is not known yet
        stack.publish(BusPublisher.DIRECTORY, "user.photo.updated", Map.of("domain", DOMAIN, "uid", core.user(hazel).uid()));
        Thread.sleep(1000);

        XMPPTCPConnection h2 = XmppClients.connection(hazel, "hash-pw", SecurityMode.required);
        BlockingQueue<Presence> own = new LinkedBlockingQueue<>();
        h2.addSyncStanzaListener(s -> own.add((Presence) s), StanzaTypeFilter.PRESENCE);
        h2.connect().login();
        XMPPTCPConnection i2 = null;
        try {
            // the hash becomes known: hazel's own resource sees her presence re-broadcast with it
            String ownStamp = null;
            for (Instant until = Instant.now().plusSeconds(15); Instant.now().isBefore(until)
                    && !("<photo>" + hash + "</photo>").equals(ownStamp); ) {
                Presence p = own.poll(1, TimeUnit.SECONDS);
                if (p != null && p.getFrom().asBareJid().toString().equals(hazel)) {
                    ownStamp = photoOf(p);
                }
            }
            assertThat(ownStamp).as("hazel's presence once her hash is known").isEqualTo("<photo>" + hash + "</photo>");
            Thread.sleep(1000);

            i2 = XmppClients.connection(ivan, "hash-pw", SecurityMode.required);
            BlockingQueue<Presence> seen = new LinkedBlockingQueue<>();
            i2.addSyncStanzaListener(s -> seen.add((Presence) s), StanzaTypeFilter.PRESENCE);
            i2.connect().login();
            List<String> stamps = new java.util.ArrayList<>();
            for (Instant until = Instant.now().plusSeconds(5); Instant.now().isBefore(until); ) {
                Presence p = seen.poll(500, TimeUnit.MILLISECONDS);
                if (p != null && p.getFrom().asBareJid().toString().equals(hazel) && p.getType() == Presence.Type.available) {
                    stamps.add(photoOf(p));
                }
            }
            assertThat(stamps).as("hazel's presence(s) ivan got at his login (the probe answer)").isNotEmpty()
                    .allSatisfy(stamp -> assertThat(stamp).isEqualTo("<photo>" + hash + "</photo>"));
        } finally {
            h2.disconnect();
            if (i2 != null) {
                i2.disconnect();
            }
        }
    }

    private static boolean both(Roster roster, String contact) throws Exception {
        org.jivesoftware.smack.roster.RosterEntry e = roster.getEntry(XmppClients.jid(contact));
        return e != null && e.getType() == org.jivesoftware.smack.roster.packet.RosterPacket.ItemType.both;
    }

    /** The content of a presence's XEP-0153 element: {@code <photo>hash</photo>}, {@code <photo/>}, "" for a bare x. */
    private static String photoOf(Presence p) {
        var x = p.getExtensionElement("x", "vcard-temp:x:update");
        if (x == null) {
            return "no XEP-0153 element";
        }
        String xml = x.toXML().toString().replaceAll("\\s+", "");
        int start = xml.indexOf('>');
        if (xml.endsWith("/>") && start == xml.length() - 1) {
            return ""; // <x xmlns='vcard-temp:x:update'/>
        }
        return xml.substring(start + 1, xml.lastIndexOf("</x>"));
    }

    @Test
    void aDomainCreatedOnTheBusAcceptsLoginsSecondsLater() throws Exception {
        core.addDomain("newco.test", "newco-alias.test");
        core.addUser("neo@newco.test", "neo-pw", "hasIM");
        stack.publishSystem("domain.created", "newco.test");
        XMPPTCPConnection c = XmppClients.loginWithin(Duration.ofSeconds(15), "neo@newco.test", "neo-pw");
        assertThat(c.getUser().asEntityBareJidString()).isEqualTo("neo@newco.test");
        c.disconnect();
    }

    @Test
    void aDomainDeletedOnTheBusRefusesItsUsersAtTheirNextLogin() throws Exception {
        core.addDomain("oldco.test");
        core.addUser("olga@oldco.test", "olga-pw", "hasIM");
        stack.publishSystem("domain.created", "oldco.test");
        XmppClients.loginWithin(Duration.ofSeconds(15), "olga@oldco.test", "olga-pw").disconnect(); // her login is cached now

        core.removeDomain("oldco.test");
        stack.publishSystem("domain.deleted", "oldco.test");

        // an attempt racing with the removal may open its stream just before it: keep trying for a while
        Instant deadline = Instant.now().plusSeconds(40);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                XmppClients.login("olga@oldco.test", "olga-pw").disconnect();
                last = null;
            } catch (XMPPException.StreamErrorException refused) {
                assertThat(refused.getStreamError().getCondition()).isEqualTo(StreamError.Condition.host_unknown);
                return;
            } catch (Exception other) {
                last = other;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("oldco.test was not refused with host-unknown 40 s after domain.deleted", last);
    }

    @Test
    void messagesAreArchivedInElasticsearchAndComeBackThroughMamAndFullText() throws Exception {
        String word = "kumquat" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        XMPPTCPConnection alice = XmppClients.login("alice@bluemind.test", "alice-pw");
        XMPPTCPConnection bob = XmppClients.login("bob@bluemind.test", "bob-pw");
        try {
            BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
            bob.addSyncStanzaListener(s -> inbox.add((Message) s), StanzaTypeFilter.MESSAGE);
            alice.sendStanza(alice.getStanzaFactory().buildMessageStanza().to(XmppClients.jid("bob@bluemind.test"))
                    .ofType(Message.Type.chat).setBody("first " + word + " <&> message").build());
            alice.sendStanza(alice.getStanzaFactory().buildMessageStanza().to(XmppClients.jid("bob@bluemind.test"))
                    .ofType(Message.Type.chat).setBody("second message without the word").build());
            assertThat(inbox.poll(10, TimeUnit.SECONDS)).as("bob got alice's message").isNotNull();

            String hits = stack.awaitInElasticsearch(word);
            assertThat(hits).contains("\"from\":\"alice@bluemind.test\"", "\"to\":\"bob@bluemind.test\"");

            MamManager mam = MamManager.getInstanceFor(bob);
            // the newest page: the test Elasticsearch may keep earlier runs' messages between alice and bob
            MamQuery all = mam.queryMostRecentPage(XmppClients.jid("alice@bluemind.test"), 10);
            assertThat(all.getMessages()).extracting(Message::getBody)
                    .endsWith("first " + word + " <&> message", "second message without the word");

            FormField fulltext = FormField.textSingleBuilder("{urn:xmpp:fulltext:0}fulltext").setValue(word).build();
            MamQuery found = mam.queryArchive(MamQueryArgs.builder().withAdditionalFormField(fulltext).build());
            assertThat(found.getMessages()).extracting(Message::getBody).containsExactly("first " + word + " <&> message");
        } finally {
            alice.disconnect();
            bob.disconnect();
        }
    }
}
