package net.bluemind.xmpp.vcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.bluemind.xmpp.common.settings.RemoteCardVisibility;
import net.bluemind.xmpp.vcard.render.AvatarRenderer;
import net.bluemind.xmpp.vcard.render.PepItemRenderer;
import net.bluemind.xmpp.vcard.render.VCard4Renderer;
import net.bluemind.xmpp.vcard.xml.Xml;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The policy applied to every way a card is read (vcard-temp, vCard4, the PEP vCard4 and nick items, avatar
 * data and metadata), against the simulator: alice's card holds every field.
 */
class CardVisibilityTest {

    static SimulatedCore core;
    VCardService service;

    @BeforeAll
    static void start() {
        core = new SimulatedCore(Duration.ofMillis(700));
    }

    @AfterAll
    static void stop() {
        core.close();
    }

    @BeforeEach
    void fresh() {
        core.sim.healthy();
        service = core.service(Duration.ofMinutes(15), Runnable::run);
    }

    private VCardRequests requests(RemoteCardVisibility v) {
        return new VCardRequests(service, v);
    }

    private static Xml vcardTemp(Reply r) {
        return Xml.parse(VCardRequestsTest.xml(r), "vcard-temp");
    }

    private static PepRequest get(String target, String node) {
        return new PepRequest(target, false, "items", node, null);
    }

    @Test
    void aColleagueGetsTheWholeCard() {
        Xml x = vcardTemp(requests(RemoteCardVisibility.NONE).vcardTemp("alice@bluemind.test", Requester.LOCAL_USER));
        assertThat(x.text("/v:vCard/v:TEL[v:CELL]/v:NUMBER")).isEqualTo("+33 6 00 00 00 01");
        assertThat(x.text("/v:vCard/v:ADR/v:LOCALITY")).isEqualTo("Toulouse");
        assertThat(x.text("/v:vCard/v:NOTE")).isEqualTo("Follows white rabbits.");
        assertThat(x.count("/v:vCard/v:EMAIL")).isEqualTo(2);
    }

    @Test
    void aRemoteContactGetsTheBusinessCardOnly() {
        VCardRequests r = requests(RemoteCardVisibility.CONTACTS_BUSINESS_CARD);
        Xml x = vcardTemp(r.vcardTemp("alice@bluemind.test", Requester.CONTACT));
        assertThat(x.text("/v:vCard/v:FN")).isEqualTo("Alice Liddell");
        assertThat(x.text("/v:vCard/v:N/v:FAMILY")).isEqualTo("Liddell");
        assertThat(x.text("/v:vCard/v:NICKNAME")).isEqualTo("ali");
        assertThat(x.text("/v:vCard/v:TITLE")).isEqualTo("Head of Research");
        assertThat(x.text("/v:vCard/v:ORG/v:ORGNAME")).isEqualTo("BlueMind Test Corp");
        assertThat(x.text("/v:vCard/v:PHOTO/v:TYPE")).isEqualTo("image/png");
        assertThat(x.text("/v:vCard/v:JABBERID")).isEqualTo("alice@bluemind.test");
        for (String hidden : new String[]{"TEL", "ADR", "EMAIL", "NOTE", "BDAY", "URL", "ROLE"}) {
            assertThat(x.count("/v:vCard/v:" + hidden)).as(hidden).isZero();
        }
        String v4 = VCardRequestsTest.xml(r.vcard4("alice@bluemind.test", Requester.CONTACT));
        assertThat(v4).contains("Alice Liddell", "Head of Research", "BlueMind Test Corp", "data:image/png")
                .doesNotContain("+33", "Toulouse", "rabbits", "alice.home@example.org", "Researcher");

        PepRequests pep = new PepRequests(service, r);
        String item = VCardRequestsTest.xml(pep.answer(get("alice@bluemind.test", PepItemRenderer.VCARD4_NODE),
                Requester.CONTACT));
        assertThat(item).contains("Alice Liddell", "Head of Research").doesNotContain("+33", "Toulouse", "rabbits");
        assertThat(VCardRequestsTest.xml(pep.answer(get("alice@bluemind.test", PepItemRenderer.NICK_NODE),
                Requester.CONTACT))).contains(">ali<");
        Xml meta = Xml.parse(VCardRequestsTest.xml(pep.answer(get("alice@bluemind.test", AvatarRenderer.METADATA_NODE),
                Requester.CONTACT)), AvatarRenderer.PUBSUB_XMLNS);
        assertThat(meta.text("/v:pubsub/v:items/v:item/@id")).hasSize(40);
    }

    @Test
    void aStrangerGetsExactlyWhatAnAddressThatDoesNotExistGetsWithoutAskingBmCore() {
        VCardRequests r = requests(RemoteCardVisibility.CONTACTS_BUSINESS_CARD);
        PepRequests pep = new PepRequests(service, r);
        // what a colleague gets for an address nobody has: the reference
        Reply nobodyTemp = r.vcardTemp("nobody@bluemind.test", Requester.LOCAL_USER);
        Reply nobodyV4 = r.vcard4("nobody@bluemind.test", Requester.LOCAL_USER);
        assertThat(nobodyTemp).isEqualTo(new Reply.Error(Reply.Condition.ITEM_NOT_FOUND,
                "no such user in the BlueMind directory"));
        java.util.Map<String, Reply> nobodyPep = new java.util.HashMap<>();
        for (String node : PepRequests.DIRECTORY_NODES) {
            nobodyPep.put(node, pep.answer(get("nobody@bluemind.test", node), Requester.LOCAL_USER));
            nobodyPep.put("publish " + node, pep.answer(new PepRequest("nobody@bluemind.test", true, "publish", node,
                    null), Requester.LOCAL_USER));
        }
        core.sim.resetCounters();

        for (String who : new String[]{"alice@bluemind.test", "nobody@bluemind.test", "grace@acme.test"}) {
            assertThat(r.vcardTemp(who, Requester.STRANGER)).as(who).isEqualTo(nobodyTemp);
            assertThat(r.vcard4(who, Requester.STRANGER)).as(who).isEqualTo(nobodyV4);
            for (String node : PepRequests.DIRECTORY_NODES) {
                assertThat(pep.answer(get(who, node), Requester.STRANGER)).as(who + " " + node)
                        .isEqualTo(nobodyPep.get(node));
                // publications: refused the same way for everyone, before any lookup
                assertThat(pep.answer(new PepRequest(who, true, "publish", node, null), Requester.STRANGER))
                        .isEqualTo(nobodyPep.get("publish " + node));
            }
            assertThat(r.avatarItems(who, AvatarRenderer.DATA_NODE, "0123", Requester.STRANGER)).isEqualTo(nobodyTemp);
        }
        assertThat(core.sim.requests("/api/users")).as("a stranger never makes bm-core work").isZero();
        // bm-core down changes nothing for a stranger: still 'no such user', as for every address
        core.sim.goAway();
        assertThat(r.vcardTemp("grace@acme.test", Requester.STRANGER)).isEqualTo(nobodyTemp);
    }

    @Test
    void noneHidesTheCardFromRemoteContactsToo() {
        VCardRequests r = requests(RemoteCardVisibility.NONE);
        Reply nobody = r.vcardTemp("nobody@bluemind.test", Requester.LOCAL_USER);
        assertThat(r.vcardTemp("alice@bluemind.test", Requester.CONTACT)).isEqualTo(nobody);
        assertThat(r.vcardTemp("alice@bluemind.test", Requester.ROOM_OCCUPANT)).isEqualTo(nobody);
        assertThat(new PepRequests(service, r).answer(get("alice@bluemind.test", AvatarRenderer.METADATA_NODE),
                Requester.CONTACT)).isEqualTo(nobody);
    }

    @Test
    void contactsFullAndEveryoneBusinessCardWiden() {
        Xml full = vcardTemp(requests(RemoteCardVisibility.CONTACTS_FULL).vcardTemp("alice@bluemind.test",
                Requester.CONTACT));
        assertThat(full.text("/v:vCard/v:NOTE")).isEqualTo("Follows white rabbits.");
        Xml card = vcardTemp(requests(RemoteCardVisibility.EVERYONE_BUSINESS_CARD).vcardTemp("alice@bluemind.test",
                Requester.STRANGER));
        assertThat(card.text("/v:vCard/v:FN")).isEqualTo("Alice Liddell");
        assertThat(card.count("/v:vCard/v:TEL")).isZero();
        String v4 = VCardRequestsTest.xml(requests(RemoteCardVisibility.EVERYONE_BUSINESS_CARD)
                .vcard4("alice@bluemind.test", Requester.STRANGER));
        assertThat(Xml.parse(v4, VCard4Renderer.XMLNS).text("/v:vcard/v:title/v:text")).isEqualTo("Head of Research");
    }
}
