package net.bluemind.xmpp.vcard.tigase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Queue;
import net.bluemind.xmpp.vcard.RoomPresenceOrder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tigase.server.Packet;
import tigase.xml.Element;

/** The reordering applied to Tigase's elements; needs the real Tigase classes ({@code mvn -Dreal-tigase ...}). */
class RoomPresencesTest {

    private static Element x(String xmlns) {
        return new Element("x", new String[] {"xmlns"}, new String[] {xmlns});
    }

    /** tigase-muc 3.4.0's self-presence to a creator whose join presence got the bundle's avatar stamp. */
    private static Element creatorSelfPresence() {
        Element p;
        try {
            p = new Element("presence", new String[] {"from", "to"},
                    new String[] {"room@conference.bluemind.test/ann", "ann@bluemind.test/tb"});
        } catch (UnsupportedOperationException declarationsOnly) {
            Assumptions.abort("needs the real Tigase classes: run with -Dreal-tigase");
            throw declarationsOnly;
        }
        p.addChild(new Element("c", new String[] {"xmlns", "ver"}, new String[] {"http://jabber.org/protocol/caps", "v"}));
        Element stamp = x("vcard-temp:x:update");
        stamp.addChild(new Element("photo", "0123456789abcdef0123456789abcdef01234567"));
        p.addChild(stamp);
        Element muc = x(RoomPresenceOrder.MUC_USER);
        muc.addChild(new Element("item", new String[] {"affiliation", "role"}, new String[] {"owner", "moderator"}));
        muc.addChild(new Element("status", new String[] {"code"}, new String[] {"201"}));
        muc.addChild(new Element("status", new String[] {"code"}, new String[] {"110"}));
        p.addChild(muc);
        return p;
    }

    @Test
    void mucUserBecomesTheFirstXAndEveryChildIsKept() throws Exception {
        Element presence = creatorSelfPresence();
        Queue<Packet> results = new ArrayDeque<>();
        results.add(Packet.packetInstance(presence, null, null));

        RoomPresences.order(results);

        Element sent = results.peek().getElement();
        assertThat(sent.getChildren()).extracting(Element::getName).containsExactly("c", "x", "x");
        assertThat(sent.getChildren()).extracting(Element::getXMLNS)
                .containsExactly("http://jabber.org/protocol/caps", RoomPresenceOrder.MUC_USER, "vcard-temp:x:update");
        assertThat(sent.getChild("x").getXMLNS()).as("what Thunderbird reads").isEqualTo(RoomPresenceOrder.MUC_USER);
        assertThat(sent.getChild("x").getChildren()).hasSize(3);
        assertThat(sent.getChild("x", "vcard-temp:x:update").getChild("photo").getCData()).hasSize(40);
        assertThat(sent.toString().indexOf(RoomPresenceOrder.MUC_USER))
                .isLessThan(sent.toString().indexOf("vcard-temp:x:update"));
    }

    @Test
    void aContactsPresenceIsUntouched() throws Exception {
        Element presence = creatorSelfPresence();
        presence.removeChild(presence.getChild("x", RoomPresenceOrder.MUC_USER));
        String before = presence.toString();
        Queue<Packet> results = new ArrayDeque<>();
        results.add(Packet.packetInstance(presence, null, null));
        RoomPresences.order(results);
        assertThat(results.peek().getElement().toString()).isEqualTo(before);
    }
}
