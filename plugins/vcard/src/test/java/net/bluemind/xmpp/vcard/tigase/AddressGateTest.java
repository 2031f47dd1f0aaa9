package net.bluemind.xmpp.vcard.tigase;

import static org.assertj.core.api.Assertions.assertThat;

import net.bluemind.xmpp.vcard.route.Route;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tigase.server.Packet;
import tigase.xml.Element;
import tigase.xmpp.jid.JID;

/** The stanzas {@link AddressGate} sends; needs the real Tigase classes ({@code mvn -Dreal-tigase ...}). */
class AddressGateTest {

    private static Packet stanza(String name, String type, String from, String to) {
        Element e;
        try {
            e = new Element(name, new String[] {"xmlns", "from", "to", "id"}, new String[] {"jabber:client", from, to, "s1"});
        } catch (UnsupportedOperationException declarationsOnly) {
            Assumptions.abort("needs the real Tigase classes: run with -Dreal-tigase");
            throw declarationsOnly;
        }
        if (type != null) {
            e.setAttribute("type", type);
        }
        e.addChild(new Element("body", "hello"));
        Packet p = Packet.packetInstance(e, JID.jidInstanceNS(from), JID.jidInstanceNS(to));
        p.setPacketFrom(JID.jidInstanceNS("c2s@host/127.0.0.1_5222_127.0.0.1_40000"));
        return p;
    }

    @Test
    void aRewrittenMessageGoesToTheJidKeepsTheResourceTheBodyAndTheConnection() {
        Packet p = stanza("message", "chat", "ann@bluemind.test/laptop", "maud@corp.test/desk");
        Packet r = AddressGate.answer(p, new Route.Rewrite("maud@bluemind.test"));
        assertThat(r.getStanzaTo().toString()).isEqualTo("maud@bluemind.test/desk");
        assertThat(r.getElement().getAttributeStaticStr("to")).isEqualTo("maud@bluemind.test/desk");
        assertThat(r.getStanzaFrom().toString()).isEqualTo("ann@bluemind.test/laptop");
        assertThat(r.getPacketFrom()).isEqualTo(p.getPacketFrom());
        assertThat(r.getElement().getChild("body").getCData()).isEqualTo("hello");
        assertThat(p.getStanzaTo().toString()).as("the original untouched").isEqualTo("maud@corp.test/desk");
        Packet bare = AddressGate.answer(stanza("message", null, "pia@partner.test/phone", "maud@corp.test"),
                new Route.Rewrite("maud@bluemind.test"));
        assertThat(bare.getStanzaTo().toString()).isEqualTo("maud@bluemind.test");
    }

    @Test
    void goneNamesTheJidFromTheAddressAsked() {
        Packet p = stanza("presence", "subscribe", "pia@partner.test", "maud@corp.test");
        Packet r = AddressGate.answer(p, new Route.Gone("maud@bluemind.test", "add the contact as maud@bluemind.test"));
        String xml = r.getElement().toString();
        assertThat(r.getStanzaTo().toString()).isEqualTo("pia@partner.test");
        assertThat(r.getStanzaFrom().toString()).isEqualTo("maud@corp.test");
        assertThat(r.getType().toString()).isEqualTo("error");
        assertThat(xml).contains("<error type=\"cancel\">", "<gone xmlns=\"urn:ietf:params:xml:ns:xmpp-stanzas\">xmpp:maud@bluemind.test</gone>",
                "add the contact as maud@bluemind.test", "id=\"s1\"");
    }

    @Test
    void aBounceAndAnUnsubscribedGoBackToTheSender() {
        Packet m = stanza("message", "chat", "ann@bluemind.test/laptop", "nobody@bluemind.test");
        Packet b = AddressGate.answer(m, new Route.Bounce("no user has this address"));
        assertThat(b.getElemName()).isEqualTo("message");
        assertThat(b.getStanzaTo().toString()).isEqualTo("ann@bluemind.test/laptop");
        assertThat(b.getElement().toString()).contains("<service-unavailable xmlns=\"urn:ietf:params:xml:ns:xmpp-stanzas\"/>",
                "no user has this address", "type=\"error\"");
        Packet s = stanza("presence", "subscribe", "ann@bluemind.test/laptop", "nobody@bluemind.test");
        Packet u = AddressGate.answer(s, Route.UNSUBSCRIBED);
        assertThat(u.getStanzaTo().toString()).isEqualTo("ann@bluemind.test");
        assertThat(u.getStanzaFrom().toString()).isEqualTo("nobody@bluemind.test");
        assertThat(u.getElement().getAttributeStaticStr("type")).isEqualTo("unsubscribed");
        assertThat(AddressGate.answer(s, Route.DROP)).isNull();
    }
}
