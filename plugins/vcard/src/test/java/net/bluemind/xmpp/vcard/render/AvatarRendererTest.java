package net.bluemind.xmpp.vcard.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.Optional;
import net.bluemind.xmpp.vcard.Photo;
import net.bluemind.xmpp.vcard.xml.Xml;
import org.junit.jupiter.api.Test;

class AvatarRendererTest {

    private final Photo photo = VCardTempRendererTest.photo();

    @Test
    void presenceUpdateCarriesTheHashOrAnEmptyPhoto() {
        Xml with = Xml.parse(AvatarRenderer.presenceUpdate(Optional.of(photo)).toString(), "vcard-temp:x:update");
        assertThat(with.text("/v:x/v:photo")).isEqualTo(photo.sha1()).hasSize(40);
        Xml without = Xml.parse(AvatarRenderer.presenceUpdate(Optional.empty()).toString(), "vcard-temp:x:update");
        assertThat(without.count("/v:x/v:photo")).isEqualTo(1);
        assertThat(without.text("/v:x/v:photo")).isEmpty();
    }

    @Test
    void metadataDescribesThePhoto() {
        Xml m = Xml.parse(AvatarRenderer.metadata(Optional.of(photo)).toString(), "urn:xmpp:avatar:metadata");
        assertThat(m.text("/v:metadata/v:info/@id")).isEqualTo(photo.sha1());
        assertThat(m.text("/v:metadata/v:info/@bytes")).isEqualTo(String.valueOf(photo.bytes().length));
        assertThat(m.text("/v:metadata/v:info/@width")).isEqualTo("40");
        assertThat(m.text("/v:metadata/v:info/@height")).isEqualTo("30");
        assertThat(m.text("/v:metadata/v:info/@type")).isEqualTo("image/png");
        assertThat(Xml.parse(AvatarRenderer.metadata(Optional.empty()).toString(), "urn:xmpp:avatar:metadata")
                .count("/v:metadata/*")).isZero();
    }

    @Test
    void dataItemIsServedByHashOnly() {
        String xml = AvatarRenderer.items(AvatarRenderer.DATA_NODE, Optional.of(photo), photo.sha1()).orElseThrow().toString();
        Xml x = Xml.parse(xml, AvatarRenderer.PUBSUB_XMLNS);
        assertThat(x.text("/v:pubsub/v:items/@node")).isEqualTo("urn:xmpp:avatar:data");
        assertThat(x.text("/v:pubsub/v:items/v:item/@id")).isEqualTo(photo.sha1());
        assertThat(Base64.getDecoder().decode(x.text("/v:pubsub/v:items/v:item/*[local-name()='data']"))).isEqualTo(photo.bytes());

        assertThat(AvatarRenderer.items(AvatarRenderer.DATA_NODE, Optional.of(photo), "0000")).isEmpty();
        assertThat(AvatarRenderer.items(AvatarRenderer.DATA_NODE, Optional.empty(), null)).isEmpty();
        assertThat(AvatarRenderer.items("urn:xmpp:microblog:0", Optional.of(photo), null)).isEmpty();
        assertThat(AvatarRenderer.items(AvatarRenderer.METADATA_NODE, Optional.of(photo), null)).isPresent();
    }

    @Test
    void eventNotificationNamesTheMetadataNode() {
        Xml x = Xml.parse(AvatarRenderer.metadataEvent(Optional.of(photo)).toString(), AvatarRenderer.EVENT_XMLNS);
        assertThat(x.text("/v:event/v:items/@node")).isEqualTo("urn:xmpp:avatar:metadata");
        assertThat(x.text("/v:event/v:items/v:item/@id")).isEqualTo(photo.sha1());
        assertThat(x.text("/v:event/v:items/v:item/*[local-name()='metadata']/*[local-name()='info']/@id"))
                .isEqualTo(photo.sha1());
    }
}
