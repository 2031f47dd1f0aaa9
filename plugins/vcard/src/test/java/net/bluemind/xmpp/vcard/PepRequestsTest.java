package net.bluemind.xmpp.vcard;

import static net.bluemind.xmpp.vcard.VCardRequestsTest.error;
import static net.bluemind.xmpp.vcard.VCardRequestsTest.xml;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.bluemind.xmpp.vcard.xml.Xml;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who answers which PEP request, and what the directory nodes hold (simulator-backed). */
class PepRequestsTest {

    static final String VCARD4 = "urn:xmpp:vcard4";
    static final String NICK = "http://jabber.org/protocol/nick";
    static final String OMEMO = "eu.siacs.conversations.axolotl.devicelist";
    static SimulatedCore core;
    PepRequests pep;

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
        VCardService service = core.service(Duration.ofMinutes(15), Runnable::run);
        pep = new PepRequests(service, new VCardRequests(service));
    }

    static PepRequest get(String target, String node) {
        return new PepRequest(target, false, "items", node, null);
    }

    @Test
    void directoryNodesAreAnsweredHereWhateverPepServiceIsDeployed() {
        for (String node : new String[]{"urn:xmpp:avatar:metadata", "urn:xmpp:avatar:data", VCARD4, NICK}) {
            assertThat(PepRequests.answeredHere(node, true)).as(node).isTrue();
            assertThat(PepRequests.answeredHere(node, false)).as(node).isTrue();
        }
    }

    @Test
    void otherNodesGoToThePepServiceOrGetOneServiceUnavailable() {
        assertThat(PepRequests.answeredHere(OMEMO, true)).isFalse();
        assertThat(PepRequests.answeredHere("urn:xmpp:bookmarks:1", true)).isFalse();
        assertThat(PepRequests.answeredHere(null, true)).as("a request naming no node").isFalse();
        assertThat(PepRequests.answeredHere(OMEMO, false)).isTrue();
        assertThat(PepRequests.answeredHere(null, false)).isTrue();
        error(pep.answer(get("alice@bluemind.test", OMEMO)), Reply.Condition.SERVICE_UNAVAILABLE, "no PEP service");
        error(pep.answer(new PepRequest("alice@bluemind.test", true, "publish", OMEMO, null)),
                Reply.Condition.SERVICE_UNAVAILABLE, "no PEP service");
        error(pep.answer(new PepRequest("alice@bluemind.test", false, "subscriptions", null, null)),
                Reply.Condition.SERVICE_UNAVAILABLE, "no PEP service");
    }

    @Test
    void vcard4ItemIsTheCardWithoutPhoto() {
        Xml x = Xml.parse(xml(pep.answer(get("alice@bluemind.test", VCARD4))), "http://jabber.org/protocol/pubsub");
        assertThat(x.text("/v:pubsub/v:items/@node")).isEqualTo(VCARD4);
        assertThat(x.text("/v:pubsub/v:items/v:item/@id")).isEqualTo("current");
        String card = xml(pep.answer(get("alice@bluemind.test", VCARD4)));
        Xml v = Xml.parse(card.substring(card.indexOf("<vcard"), card.indexOf("</vcard>") + 8),
                "urn:ietf:params:xml:ns:vcard-4.0");
        assertThat(v.text("/v:vcard/v:fn/v:text")).isEqualTo("Alice Liddell");
        assertThat(v.text("/v:vcard/v:title/v:text")).isEqualTo("Head of Research");
        assertThat(v.text("/v:vcard/v:org/v:text[1]")).isEqualTo("BlueMind Test Corp");
        assertThat(v.count("/v:vcard/v:photo")).as("the avatar travels by XEP-0084").isZero();
        assertThat(xml(pep.answer(new PepRequest("alice@bluemind.test", false, "items", VCARD4, "current"))))
                .contains("Alice Liddell");
        error(pep.answer(new PepRequest("alice@bluemind.test", false, "items", VCARD4, "other")),
                Reply.Condition.ITEM_NOT_FOUND, "no such item");
    }

    @Test
    void nickIsTheNicknameElseTheDisplayName() {
        assertThat(xml(pep.answer(get("alice@bluemind.test", NICK))))
                .contains("<nick xmlns=\"http://jabber.org/protocol/nick\">ali</nick>");
        assertThat(xml(pep.answer(get("frank@bluemind.test", NICK)))).as("frank has no nickname")
                .contains(">Frank</nick>");
    }

    @Test
    void avatarItemsAreServedAsBefore() {
        assertThat(xml(pep.answer(get("alice@bluemind.test", "urn:xmpp:avatar:metadata"))))
                .contains("urn:xmpp:avatar:metadata", "image/png");
        error(pep.answer(get("frank@bluemind.test", "urn:xmpp:avatar:data")), Reply.Condition.ITEM_NOT_FOUND,
                "no such avatar item");
    }

    @Test
    void publishingOrAdministeringADirectoryNodeIsRefused() {
        error(pep.answer(new PepRequest("alice@bluemind.test", true, "publish", VCARD4, null)),
                Reply.Condition.NOT_ALLOWED, "vCards come from the BlueMind address book");
        error(pep.answer(new PepRequest("alice@bluemind.test", true, "publish", NICK, null)),
                Reply.Condition.NOT_ALLOWED, "nicknames come from the BlueMind address book");
        error(pep.answer(new PepRequest("alice@bluemind.test", true, "publish", "urn:xmpp:avatar:data", null)),
                Reply.Condition.NOT_ALLOWED, "avatars come from the BlueMind address book");
        error(pep.answer(new PepRequest("alice@bluemind.test", true, "delete", VCARD4, null)),
                Reply.Condition.NOT_ALLOWED, "BlueMind address book");
        error(pep.answer(new PepRequest("alice@bluemind.test", false, "configure", VCARD4, null)),
                Reply.Condition.FEATURE_NOT_IMPLEMENTED, "only its items can be read");
    }

    @Test
    void unknownUsersAndUnknownDomainsAreItemNotFoundAndBmCoreDownIsSaid() {
        error(pep.answer(get("nobody@bluemind.test", VCARD4)), Reply.Condition.ITEM_NOT_FOUND, "no such user");
        error(pep.answer(get("romeo@montague.example", NICK)), Reply.Condition.ITEM_NOT_FOUND, "no such user");
        error(pep.answer(get("romeo@montague.example", "urn:xmpp:avatar:metadata")), Reply.Condition.ITEM_NOT_FOUND,
                "no such user");
        core.sim.goAway();
        try {
            error(pep.answer(get("grace@acme.test", VCARD4)), Reply.Condition.INTERNAL_SERVER_ERROR, "unavailable");
        } finally {
            core.sim.comeBack();
        }
    }

    @Test
    void aRosterNameThatIsOnlyTheLocalPartIsAStandIn() {
        assertThat(VCardRequests.isPlaceholderName("lea.martin@bluemind.test", null)).isTrue();
        assertThat(VCardRequests.isPlaceholderName("lea.martin@bluemind.test", " ")).isTrue();
        assertThat(VCardRequests.isPlaceholderName("lea.martin@bluemind.test", "lea.martin")).as("Tigase's name after a subscription").isTrue();
        assertThat(VCardRequests.isPlaceholderName("lea.martin@bluemind.test", "Lea.Martin")).isTrue();
        assertThat(VCardRequests.isPlaceholderName("lea.martin@bluemind.test", "Léa (project)")).as("typed by the user").isFalse();
        assertThat(VCardRequests.isPlaceholderName("lea.martin@bluemind.test", "lea")).isFalse();
    }

    @Test
    void rosterNamesComeFromTheDirectory() {
        VCardRequests requests = new VCardRequests(core.service(Duration.ofMinutes(15), Runnable::run));
        assertThat(requests.displayName("bob@bluemind.test")).contains("Bob Martin");
        assertThat(requests.displayName("robert.martin@bluemind.test")).as("an alias").contains("Bob Martin");
        assertThat(requests.displayName("nobody@bluemind.test")).isEmpty();
        assertThat(requests.displayName("romeo@montague.example")).isEmpty();
        core.sim.goAway();
        try {
            assertThat(requests.displayName("grace@acme.test")).as("bm-core down: no name, no failure").isEmpty();
        } finally {
            core.sim.comeBack();
        }
    }

    @Test
    void aRosterItemNamedByTigaseOrByNobodyGetsTheDirectoryNameAndOtherItemsAreLeftAlone() {
        VCardRequests requests = new VCardRequests(core.service(Duration.ofMinutes(15), Runnable::run));
        // what Tigase's RosterFlat names an item it adds on a subscription, in a push or a stored item
        assertThat(requests.rosterName("bob@bluemind.test", "bob", "to")).contains("Bob Martin");
        assertThat(requests.rosterName("bob@bluemind.test", "bob", "none")).contains("Bob Martin");
        assertThat(requests.rosterName("bob@bluemind.test", null, null)).as("a client's set without a name").contains("Bob Martin");
        assertThat(requests.rosterName("robert.martin@bluemind.test", "robert.martin", "both")).as("an alias").contains("Bob Martin");
        assertThat(requests.rosterName("bob@bluemind.test", "Bobby", "both")).as("typed by the user").isEmpty();
        assertThat(requests.rosterName("bob@bluemind.test", "Bob Martin", "both")).as("already named").isEmpty();
        assertThat(requests.rosterName("bob@bluemind.test", "bob", "remove")).as("a removal").isEmpty();
        assertThat(requests.rosterName("nobody@bluemind.test", "nobody", "to")).as("not in the directory").isEmpty();
        assertThat(requests.rosterName("romeo@montague.example", "romeo", "both")).as("another server's user").isEmpty();
        assertThat(requests.rosterName(null, null, null)).isEmpty();
        core.sim.goAway();
        try {
            assertThat(requests.rosterName("grace@acme.test", "grace", "to")).as("bm-core down: left as it is").isEmpty();
        } finally {
            core.sim.comeBack();
        }
    }
}
