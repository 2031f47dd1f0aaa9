package net.bluemind.xmpp.vcard.tigase;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.bluemind.xmpp.common.settings.RemoteCardVisibility;
import net.bluemind.xmpp.vcard.Reply;
import net.bluemind.xmpp.vcard.Requester;
import net.bluemind.xmpp.vcard.SimulatedCore;
import net.bluemind.xmpp.vcard.VCardRequests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tigase.db.TigaseDBException;
import tigase.db.UserRepository;
import tigase.server.Packet;
import tigase.vhosts.VHostManagerIfc;
import tigase.xml.Element;
import tigase.xmpp.jid.BareJID;
import tigase.xmpp.jid.JID;

/**
 * The adapter's side of the card policy with the real Tigase classes ({@code mvn -Dreal-tigase ...}): who a
 * sender is (hosted domain, room of this server, subscription in the owner's roster as Tigase stores and parses
 * it), and the answer stanza a vcard-temp / vCard4 get from another server gets, without a server-to-server link:
 * the request is handed to the processor the way Tigase's session manager hands it over for an owner who is
 * offline (no session).
 */
class RemoteRequestersTest {

    private static final String ALICE = "alice@bluemind.test";
    /** Tigase's stored roster format (RosterElement): one contact element per item. */
    private static final String ALICE_ROSTER = "<contact jid='romeo@montague.example' subs='both' name='Romeo'/>"
            + "<contact jid='mercutio@verona.example' subs='from_pending_out'/>"
            + "<contact jid='juliet@capulet.example' subs='from'/>"
            + "<contact jid='tybalt@capulet.example' subs='to'/>"
            + "<contact jid='paris@verona.example' subs='none_pending_in'/>";

    static SimulatedCore core;

    @BeforeAll
    static void start() {
        core = new SimulatedCore(Duration.ofMillis(700));
    }

    @AfterAll
    static void stop() {
        core.close();
    }

    /** Hosted: bluemind.test and acme.test; components: conference.bluemind.test. */
    static VHostManagerIfc vhosts() {
        return (VHostManagerIfc) Proxy.newProxyInstance(RemoteRequestersTest.class.getClassLoader(),
                new Class<?>[]{VHostManagerIfc.class}, (p, m, a) -> switch (m.getName()) {
                    case "isLocalDomain" -> Set.of("bluemind.test", "acme.test").contains((String) a[0]);
                    case "isLocalDomainOrComponent" -> Set.of("bluemind.test", "acme.test", "conference.bluemind.test")
                            .contains((String) a[0]);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    /** Tigase's user repository holding alice's roster; counts reads; may fail. */
    static UserRepository users(AtomicInteger reads, boolean failing) {
        return (UserRepository) Proxy.newProxyInstance(RemoteRequestersTest.class.getClassLoader(),
                new Class<?>[]{UserRepository.class}, (p, m, a) -> switch (m.getName()) {
                    case "userExists" -> ALICE.equals(a[0].toString());
                    case "getData" -> {
                        reads.incrementAndGet();
                        if (failing) {
                            throw new TigaseDBException("database down");
                        }
                        assertThat(a[0]).as("only an existing account's roster is read").hasToString(ALICE);
                        assertThat(a[2]).isEqualTo("roster");
                        yield ALICE_ROSTER;
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    static JID jid(String s) {
        JID j = JID.jidInstanceNS(s);
        if (j == null) {
            Assumptions.abort("needs the real Tigase classes: run with -Dreal-tigase");
        }
        return j;
    }

    private static void realTigase() {
        try {
            JID.jidInstanceNS("a@b");
        } catch (UnsupportedOperationException declarationsOnly) {
            Assumptions.abort("needs the real Tigase classes: run with -Dreal-tigase");
        }
    }

    @Test
    void senderKindsFromHostedDomainsRoomsAndTheStoredRoster() {
        realTigase();
        AtomicInteger reads = new AtomicInteger();
        Requesters requesters = new Requesters(RemoteRequestersTest::vhosts, () -> users(reads, false));
        Requesters.Audience who = requesters.forOwner(BareJID.bareJIDInstanceNS(ALICE));
        assertThat(who.of(jid("bob@bluemind.test/gajim"))).isEqualTo(Requester.LOCAL_USER);
        assertThat(who.of(jid("grace@acme.test"))).as("another hosted domain").isEqualTo(Requester.LOCAL_USER);
        assertThat(who.of(jid("room@conference.bluemind.test/Romeo"))).isEqualTo(Requester.ROOM_OCCUPANT);
        assertThat(reads).as("no roster read for local senders").hasValue(0);
        assertThat(who.of(jid("romeo@montague.example/phone"))).as("both").isEqualTo(Requester.CONTACT);
        assertThat(who.of(jid("Juliet@Capulet.example"))).as("from").isEqualTo(Requester.CONTACT);
        assertThat(who.of(jid("mercutio@verona.example"))).as("from + pending out").isEqualTo(Requester.CONTACT);
        assertThat(who.of(jid("tybalt@capulet.example"))).as("to only: alice sees him, not he her")
                .isEqualTo(Requester.STRANGER);
        assertThat(who.of(jid("paris@verona.example"))).as("asked, not approved").isEqualTo(Requester.STRANGER);
        assertThat(who.of(jid("eve@evil.example"))).isEqualTo(Requester.STRANGER);
        assertThat(who.of(null)).isEqualTo(Requester.STRANGER);
        assertThat(reads).as("the roster is read once per owner and batch").hasValue(1);

        assertThat(requesters.of(jid("romeo@montague.example"), BareJID.bareJIDInstanceNS("nobody@bluemind.test")))
                .as("an account Tigase never saw: no roster, and none created").isEqualTo(Requester.STRANGER);
        assertThat(new Requesters(RemoteRequestersTest::vhosts, () -> users(new AtomicInteger(), true))
                .of(jid("romeo@montague.example"), BareJID.bareJIDInstanceNS(ALICE))).as("roster unreadable")
                .isEqualTo(Requester.STRANGER);
    }

    /** The processor as Tigase's session manager runs it, deciding with the real engine on the simulator. */
    static final class Processor extends DirectoryIqProcessor {
        final VCardRequests requests;
        final List<Requester> seen = new ArrayList<>();

        Processor(VCardRequests requests) throws ReflectiveOperationException {
            this.requests = requests;
            inject("vHostManager", vhosts());
            inject("userRepository", users(new AtomicInteger(), false));
        }

        private void inject(String name, Object value) throws ReflectiveOperationException {
            Field f = DirectoryIqProcessor.class.getDeclaredField(name);
            f.setAccessible(true);
            f.set(this, value);
        }

        @Override
        protected Reply decide(Packet packet, String target, Requester requester) {
            seen.add(requester);
            return requests.vcardTemp(target, requester);
        }

        @Override
        public String id() {
            return "vcard-temp";
        }
    }

    static Packet vcardGet(String from, String to) {
        Element iq = new Element("iq", new String[]{"type", "id", "from", "to"}, new String[]{"get", "v1", from, to});
        iq.setXMLNS("jabber:client");
        Element v = new Element("vCard");
        v.setXMLNS("vcard-temp");
        iq.addChild(v);
        return Packet.packetInstance(iq, jid(from), jid(to));
    }

    static Element answer(Processor p, String from, String to) throws Exception {
        Queue<Packet> out = new ArrayDeque<>();
        p.processNullSessionPacket(vcardGet(from, to), null, out, null);
        assertThat(out).hasSize(1);
        return out.poll().getElement();
    }

    @Test
    void aRemoteContactGetsTheBusinessCardAStrangerWhatANonExistentAddressGets() throws Exception {
        realTigase();
        Processor p = new Processor(new VCardRequests(core.service(Duration.ofMinutes(15), Runnable::run),
                RemoteCardVisibility.CONTACTS_BUSINESS_CARD));

        Element contact = answer(p, "romeo@montague.example/phone", "alice@bluemind.test");
        assertThat(contact.getAttributeStaticStr("type")).isEqualTo("result");
        String card = contact.toString();
        assertThat(card).contains("Alice Liddell", "Head of Research", "BlueMind Test Corp", "<PHOTO>")
                .doesNotContain("+33", "Toulouse", "rabbits", "alice.home@example.org");

        Element stranger = answer(p, "eve@evil.example/x", "alice@bluemind.test");
        Element nobody = answer(p, "eve@evil.example/x", "nobody@bluemind.test");
        assertThat(stranger.getAttributeStaticStr("type")).isEqualTo("error");
        assertThat(stranger.toString().replace("alice@bluemind.test", "nobody@bluemind.test"))
                .as("byte for byte the answer for an address that does not exist").isEqualTo(nobody.toString());
        assertThat(stranger.getChild("error").getChild("item-not-found",
                "urn:ietf:params:xml:ns:xmpp-stanzas")).isNotNull();

        Element colleague = answer(p, "bob@bluemind.test/gajim", "alice@bluemind.test");
        assertThat(colleague.toString()).contains("+33 6 00 00 00 01", "Toulouse");
        Element viaRoom = answer(p, "room@conference.bluemind.test/Eve", "alice@bluemind.test");
        assertThat(viaRoom.toString()).contains("Alice Liddell").doesNotContain("+33");
        assertThat(p.seen).containsExactly(Requester.CONTACT, Requester.STRANGER, Requester.STRANGER,
                Requester.LOCAL_USER, Requester.ROOM_OCCUPANT);
    }
}
