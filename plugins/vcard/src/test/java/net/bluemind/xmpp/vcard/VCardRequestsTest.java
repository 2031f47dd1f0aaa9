package net.bluemind.xmpp.vcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import net.bluemind.xmpp.vcard.render.AvatarRenderer;
import net.bluemind.xmpp.vcard.xml.Xml;
import net.bluemind.xmpp.vcard.xml.XmlNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What each request gets, end to end through the cache and the simulator. */
class VCardRequestsTest {

    static SimulatedCore core;
    VCardRequests requests;

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
        requests = new VCardRequests(core.service(Duration.ofMinutes(15), Runnable::run));
    }

    static String xml(Reply r) {
        assertThat(r).isInstanceOf(Reply.Result.class);
        return ((Reply.Result) r).payload().orElseThrow().toString();
    }

    static void error(Reply r, Reply.Condition condition, String textPart) {
        assertThat(r).isInstanceOf(Reply.Error.class);
        assertThat(((Reply.Error) r).condition()).isEqualTo(condition);
        assertThat(((Reply.Error) r).text()).contains(textPart);
    }

    @Test
    void vcardTempAndVCard4ForALocalUser() {
        assertThat(Xml.parse(xml(requests.vcardTemp("bob@bluemind.test")), "vcard-temp").text("/v:vCard/v:FN"))
                .isEqualTo("Bob Martin");
        assertThat(Xml.parse(xml(requests.vcard4("bob@bluemind.test")), "urn:ietf:params:xml:ns:vcard-4.0")
                .text("/v:vcard/v:fn/v:text")).isEqualTo("Bob Martin");
    }

    @Test
    void unknownUserIsItemNotFoundAndForeignDomainIsNotOurs() {
        error(requests.vcardTemp("nobody@bluemind.test"), Reply.Condition.ITEM_NOT_FOUND, "no such user");
        error(requests.vcard4("dave@bluemind.test"), Reply.Condition.ITEM_NOT_FOUND, "no such user");
        assertThat(requests.vcardTemp("romeo@montague.example")).isInstanceOf(Reply.NotOurs.class);
    }

    @Test
    void setIsRefusedWithTheAddressBookText() {
        error(requests.set(), Reply.Condition.NOT_ALLOWED,
                "vCards come from the BlueMind address book; edit your contact details there");
        error(requests.avatarPublish(), Reply.Condition.NOT_ALLOWED, "BlueMind address book");
    }

    @Test
    void coreDownWithNothingCachedIsInternalServerErrorWithText() {
        core.sim.goAway();
        error(requests.vcardTemp("grace@acme.test"), Reply.Condition.INTERNAL_SERVER_ERROR, "unavailable");
        error(requests.avatarItems("grace@acme.test", AvatarRenderer.METADATA_NODE, null),
                Reply.Condition.INTERNAL_SERVER_ERROR, "unavailable");
    }

    @Test
    void avatarMetadataAndDataByHash() {
        Xml meta = Xml.parse(xml(requests.avatarItems("grace@acme.test", AvatarRenderer.METADATA_NODE, null)),
                AvatarRenderer.PUBSUB_XMLNS);
        String id = meta.text("/v:pubsub/v:items/v:item/@id");
        assertThat(id).hasSize(40);
        assertThat(meta.text("//*[local-name()='info']/@width")).isEqualTo("192");
        Xml data = Xml.parse(xml(requests.avatarItems("grace@acme.test", AvatarRenderer.DATA_NODE, id)),
                AvatarRenderer.PUBSUB_XMLNS);
        byte[] png = Base64.getDecoder().decode(data.text("//*[local-name()='data']"));
        assertThat(PhotoProcessor.sha1Hex(png)).isEqualTo(id);
        error(requests.avatarItems("grace@acme.test", AvatarRenderer.DATA_NODE, "deadbeef"),
                Reply.Condition.ITEM_NOT_FOUND, "no such avatar item");
        error(requests.avatarItems("grace@acme.test", "urn:xmpp:microblog:0", null), Reply.Condition.ITEM_NOT_FOUND,
                "avatar nodes");
        error(requests.avatarItems("nobody@acme.test", AvatarRenderer.METADATA_NODE, null),
                Reply.Condition.ITEM_NOT_FOUND, "no such user");
    }

    @Test
    void aUserWithoutPhotoHasEmptyMetadataAndNoData() {
        Xml meta = Xml.parse(xml(requests.avatarItems("frank@bluemind.test", AvatarRenderer.METADATA_NODE, null)),
                AvatarRenderer.PUBSUB_XMLNS);
        assertThat(meta.count("//*[local-name()='metadata']/*")).isZero();
        error(requests.avatarItems("frank@bluemind.test", AvatarRenderer.DATA_NODE, null),
                Reply.Condition.ITEM_NOT_FOUND, "no such avatar item");
    }

    @Test
    void presenceUpdateHashEmptyPhotoOrNotReady() {
        VCardRequests deferred = new VCardRequests(core.service(Duration.ofMinutes(15), r -> { }));
        Xml notReady = Xml.parse(deferred.presenceUpdate("bob@bluemind.test").toString(), AvatarRenderer.UPDATE_XMLNS);
        assertThat(notReady.count("/v:x/*")).isZero();
        assertThat(deferred.avatarNotice("bob@bluemind.test")).isEqualTo(Optional.empty());

        // once the card was read (here by a vCard get), presence carries the hash without waiting
        requests.vcardTemp("bob@bluemind.test");
        requests.vcardTemp("frank@bluemind.test");
        Xml withHash = Xml.parse(requests.presenceUpdate("bob@bluemind.test").toString(), AvatarRenderer.UPDATE_XMLNS);
        assertThat(withHash.text("/v:x/v:photo")).hasSize(40);
        Xml none = Xml.parse(requests.presenceUpdate("frank@bluemind.test").toString(), AvatarRenderer.UPDATE_XMLNS);
        assertThat(none.count("/v:x/v:photo")).isEqualTo(1);
        assertThat(none.text("/v:x/v:photo")).isEmpty();

        // the same element from the cache only, and nothing while not known
        assertThat(deferred.knownPresenceUpdate("bob@bluemind.test")).isEmpty();
        assertThat(requests.knownPresenceUpdate("bob@bluemind.test")).map(XmlNode::toString)
                .contains(requests.presenceUpdate("bob@bluemind.test").toString());
        assertThat(requests.knownPresenceUpdate("frank@bluemind.test")).map(XmlNode::toString)
                .contains(requests.presenceUpdate("frank@bluemind.test").toString());

        VCardRequests.AvatarNotice notice = requests.avatarNotice("bob@bluemind.test").orElseThrow();
        assertThat(notice.itemId()).isEqualTo(withHash.text("/v:x/v:photo"));
        assertThat(Xml.parse(notice.event().toString(), AvatarRenderer.EVENT_XMLNS).text("/v:event/v:items/@node"))
                .isEqualTo(AvatarRenderer.METADATA_NODE);
    }
}
