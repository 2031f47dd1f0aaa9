package net.bluemind.xmpp.vcard.tigase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import net.bluemind.xmpp.vcard.render.AvatarRenderer;
import net.bluemind.xmpp.vcard.xml.XmlNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tigase.xml.Element;

/** Re-stamping a stored presence; needs the real Tigase classes ({@code mvn -Dreal-tigase ...}). */
class PresenceStampsTest {

    private static final String HASH = "0123456789abcdef0123456789abcdef01234567";

    private static Element presence(XmlNode update) {
        Element p;
        try {
            p = new Element("presence", new String[]{"from", "id"}, new String[]{"alice@bluemind.test/gajim", "p1"});
        } catch (UnsupportedOperationException declarationsOnly) {
            Assumptions.abort("needs the real Tigase classes: run with -Dreal-tigase");
            throw declarationsOnly;
        }
        p.addChild(new Element("show", "away"));
        if (update != null) {
            p.addChild(ElementConverter.toElement(update));
        }
        return p;
    }

    private static XmlNode notReady() {
        return XmlNode.root("x", AvatarRenderer.UPDATE_XMLNS);
    }

    @Test
    void aNotReadyStampGetsTheKnownHashTheRestIsKept() {
        Element stored = presence(notReady());
        XmlNode known = XmlNode.root("x", AvatarRenderer.UPDATE_XMLNS);
        known.child("photo").text(HASH);

        assertThat(PresenceStamps.photoText(stored)).isEqualTo("-");
        assertThat(PresenceStamps.restamp(stored, known)).isTrue();
        assertThat(PresenceStamps.photoText(stored)).isEqualTo(HASH);
        assertThat(stored.getChildren()).extracting(Element::getName).containsExactly("show", "x"); // one x only
        assertThat(stored.getAttributeStaticStr("id")).isEqualTo("p1");
        assertThat(stored.getChild("show").getCData()).isEqualTo("away");

        assertThat(PresenceStamps.restamp(stored, known)).isFalse(); // already current: untouched
    }

    @Test
    void anOldHashOrNoPhotoIsReplacedAPresenceWithoutStampIsLeftAlone() {
        XmlNode old = XmlNode.root("x", AvatarRenderer.UPDATE_XMLNS);
        old.child("photo").text(HASH);
        Element stored = presence(old);
        XmlNode none = AvatarRenderer.presenceUpdate(Optional.empty());
        assertThat(PresenceStamps.restamp(stored, none)).isTrue();
        assertThat(PresenceStamps.photoText(stored)).isEmpty();
        assertThat(stored.getChild("x", AvatarRenderer.UPDATE_XMLNS).getChild("photo")).isNotNull();

        Element unstamped = presence(null);
        assertThat(PresenceStamps.restamp(unstamped, none)).isFalse();
        assertThat(unstamped.getChild("x", AvatarRenderer.UPDATE_XMLNS)).isNull();
    }
}
