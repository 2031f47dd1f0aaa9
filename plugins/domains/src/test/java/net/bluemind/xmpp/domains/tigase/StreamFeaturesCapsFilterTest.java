package net.bluemind.xmpp.domains.tigase;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tigase.server.Packet;
import tigase.xml.Element;
import tigase.xmpp.jid.JID;

/** The session manager's answer to GETFEATURES as Tigase builds it; needs the real Tigase classes (-Dreal-tigase). */
class StreamFeaturesCapsFilterTest {

    private static final String CAPS = StreamFeaturesCapsFilter.CAPS;

    private static Packet commandResult(String node, String hash) {
        Element iq;
        try {
            iq = new Element("iq", new String[] {"type", "id"}, new String[] {"result", "f1"});
        } catch (UnsupportedOperationException declarationsOnly) {
            Assumptions.abort("needs the real Tigase classes: run with -Dreal-tigase");
            throw declarationsOnly;
        }
        Element command = new Element("command", new String[] {"xmlns", "node"},
                new String[] {"http://jabber.org/protocol/commands", node});
        command.addChild(new Element("sm", new String[] {"xmlns"}, new String[] {"urn:xmpp:sm:3"}));
        command.addChild(new Element("c", new String[] {"xmlns", "hash", "node", "ver"},
                new String[] {CAPS, hash, "http://tigase.org/tigase-xmpp-server", "abc="}));
        iq.addChild(command);
        return Packet.packetInstance(iq, JID.jidInstanceNS("sess-man@host"), JID.jidInstanceNS("c2s@host/1"));
    }

    private static String hashOf(Packet p) {
        return p.getElement().getChild("command").getChild("c", CAPS).getAttributeStaticStr("hash");
    }

    @Test
    void theFeaturesCapsGetTheXepsHashName() {
        Packet p = commandResult("GETFEATURES", "SHA-1");
        Packet out = new StreamFeaturesCapsFilter().filter(p);
        assertThat(out).isSameAs(p);
        assertThat(hashOf(out)).isEqualTo("sha-1");
        assertThat(out.getElement().getChild("command").getChild("c", CAPS).getAttributeStaticStr("ver")).isEqualTo("abc=");
        assertThat(out.getElement().getChild("command").getChild("sm", "urn:xmpp:sm:3")).isNotNull();
    }

    @Test
    void anyOtherPacketIsLeftAsItIs() {
        Packet other = commandResult("STREAM_OPENED", "SHA-1");
        assertThat(hashOf(new StreamFeaturesCapsFilter().filter(other))).isEqualTo("SHA-1");
        Packet message = Packet.packetInstance(new Element("message"), JID.jidInstanceNS("a@host"), JID.jidInstanceNS("b@host"));
        assertThat(new StreamFeaturesCapsFilter().filter(message)).isSameAs(message);
    }
}
