package net.bluemind.xmpp.archive.tigase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.bluemind.xmpp.archive.capture.Stanza;
import net.bluemind.xmpp.archive.mam.XmlElement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tigase.server.Packet;
import tigase.xml.Element;
import tigase.xml.XMLUtils;
import tigase.xmpp.jid.JID;

/** The adapter's Tigase conversions, against the real Tigase classes ({@code mvn -Dreal-tigase ...}). */
class AdapterConversionTest {

    @BeforeEach
    void realTigaseOnly() {
        boolean real;
        try {
            new Element("x");
            XMLUtils.escape("<");
            real = true;
        } catch (UnsupportedOperationException declarationsOnly) {
            real = false;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(real, "needs the real Tigase classes: run with -Dreal-tigase");
    }

    private static Element message(String body) {
        Element m = new Element("message", new String[] {"from", "to", "type", "id"},
                new String[] {"alice@acme.test/p", "bob@acme.test", "chat", "m&amp;1"});
        m.addChild(new Element("body", XMLUtils.escape(body)));
        return m;
    }

    @Test
    void neutralTreesKeepTextUnescapedAndTigaseTreesEscaped() {
        XmlElement n = ElementTrees.toNeutral(message("a < b & \"c\""));
        assertThat(n.attribute("id")).isEqualTo("m&1");
        assertThat(n.child("body", "jabber:client").orElseThrow().text()).isEqualTo("a < b & \"c\"");

        XmlElement out = new XmlElement("message", Map.of("to", "bob@acme.test/pc"), List.of(
                new XmlElement("result", Map.of("xmlns", "urn:xmpp:mam:2", "id", "x"), List.of(
                        new XmlElement("body", Map.of(), List.of(), "1 < 2 & <script>")), null)), null);
        Element t = ElementTrees.toTigase(out);
        assertThat(t.getChild("result", "urn:xmpp:mam:2")).isNotNull();
        assertThat(t.toString()).contains("1 &lt; 2 &amp; &lt;script&gt;").doesNotContain("<script>");
        assertThat(ElementTrees.toNeutral(t)).isEqualTo(out);
    }

    @Test
    void messageStanzaIsReadWithItsHints() {
        Element m = message("hi");
        m.addChild(new Element("no-store", new String[] {"xmlns"}, new String[] {"urn:xmpp:hints"}));
        Packet p = Packet.packetInstance(m, JID.jidInstanceNS("alice@acme.test/p"), JID.jidInstanceNS("bob@acme.test"));
        Stanza s = MessageStanzas.of(p, p.getStanzaFrom());
        assertThat(s).isEqualTo(new Stanza("chat", "alice@acme.test/p", "bob@acme.test", "m&1", "hi", null, false, true));

        Element carbon = message("hi");
        carbon.addChild(new Element("received", new String[] {"xmlns"}, new String[] {"urn:xmpp:carbons:2"}));
        Packet c = Packet.packetInstance(carbon, JID.jidInstanceNS("alice@acme.test/p"), JID.jidInstanceNS("bob@acme.test"));
        assertThat(MessageStanzas.of(c, c.getStanzaFrom()).carbon()).isTrue();
    }

    @Test
    void forgedStanzaIdsAreStrippedAndOursAdded() {
        Element m = message("hi");
        MessageStanzas.addStanzaId(m, "bob@acme.test", "forged");
        MessageStanzas.addStanzaId(m, "other.example", "theirs");
        MessageStanzas.stripForged(m, "bob@acme.test");
        MessageStanzas.addStanzaId(m, "bob@acme.test", "0123");
        assertThat(m.getChildren()).filteredOn(c -> c.getName().equals("stanza-id"))
                .extracting(c -> c.getAttributeStaticStr("by") + "=" + c.getAttributeStaticStr("id"))
                .containsExactly("other.example=theirs", "bob@acme.test=0123");
    }
}
