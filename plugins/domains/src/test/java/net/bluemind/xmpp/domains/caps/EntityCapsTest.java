package net.bluemind.xmpp.domains.caps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.bluemind.xmpp.domains.caps.DiscoInfo.Field;
import net.bluemind.xmpp.domains.caps.DiscoInfo.Form;
import net.bluemind.xmpp.domains.caps.DiscoInfo.Identity;
import org.junit.jupiter.api.Test;

class EntityCapsTest {

    @Test
    void theSimpleExampleOfXep0115Section52() {
        DiscoInfo exodus = new DiscoInfo(List.of(new Identity("client", "pc", null, "Exodus 0.9.1")),
                List.of("http://jabber.org/protocol/disco#info", "http://jabber.org/protocol/disco#items",
                        "http://jabber.org/protocol/muc", "http://jabber.org/protocol/caps"),
                List.of());
        assertThat(EntityCaps.verificationString(exodus)).isEqualTo("client/pc//Exodus 0.9.1<"
                + "http://jabber.org/protocol/caps<http://jabber.org/protocol/disco#info<"
                + "http://jabber.org/protocol/disco#items<http://jabber.org/protocol/muc<");
        assertThat(EntityCaps.ver(exodus)).isEqualTo("QgayPKawpkPSDYmwT/WM94uAlu0=");
    }

    @Test
    void theComplexExampleOfXep0115Section53WithAnExtendedForm() {
        DiscoInfo psi = new DiscoInfo(
                List.of(new Identity("client", "pc", "en", "Psi 0.11"), new Identity("client", "pc", "el", "Ψ 0.11")),
                List.of("http://jabber.org/protocol/caps", "http://jabber.org/protocol/disco#info",
                        "http://jabber.org/protocol/disco#items", "http://jabber.org/protocol/muc"),
                List.of(new Form("urn:xmpp:dataforms:softwareinfo", List.of(
                        new Field("FORM_TYPE", List.of("urn:xmpp:dataforms:softwareinfo")),
                        new Field("ip_version", List.of("ipv4", "ipv6")),
                        new Field("os", List.of("Mac")),
                        new Field("os_version", List.of("10.5.1")),
                        new Field("software", List.of("Psi")),
                        new Field("software_version", List.of("0.11"))))));
        assertThat(EntityCaps.verificationString(psi)).isEqualTo("client/pc/el/Ψ 0.11<client/pc/en/Psi 0.11<"
                + "http://jabber.org/protocol/caps<http://jabber.org/protocol/disco#info<"
                + "http://jabber.org/protocol/disco#items<http://jabber.org/protocol/muc<"
                + "urn:xmpp:dataforms:softwareinfo<ip_version<ipv4<ipv6<os<Mac<os_version<10.5.1<"
                + "software<Psi<software_version<0.11<");
        assertThat(EntityCaps.ver(psi)).isEqualTo("q07IKJEyjvHSyhy//CH0CxmKi8w=");
    }

    @Test
    void aFormWithoutFormTypeIsLeftOutAndFormsAreSortedByTheirType() {
        Form b = new Form("urn:b", List.of(new Field("x", List.of("2", "1"))));
        Form a = new Form("urn:a", List.of());
        Form none = new Form(null, List.of(new Field("y", List.of("3"))));
        DiscoInfo info = new DiscoInfo(List.of(new Identity("server", "im", null, null)), List.of("f"), List.of(b, none, a));
        assertThat(EntityCaps.verificationString(info)).isEqualTo("server/im//<f<urn:a<urn:b<x<1<2<");
    }

    @Test
    void repeatedFeaturesAreFoundAndDroppedKeepingTheFirst() {
        List<String> vars = List.of("http://jabber.org/protocol/commands", "urn:xmpp:ping",
                "http://jabber.org/protocol/commands", "urn:xmpp:ping", "vcard-temp");
        assertThat(EntityCaps.repeated(vars)).containsExactly(2, 3);
        assertThat(EntityCaps.repeated(List.of("a", "b"))).isEmpty();

        DiscoInfo server = new DiscoInfo(
                List.of(new Identity("server", "im", null, "T"), new Identity("server", "im", "", "T")), vars, List.of());
        DiscoInfo distinct = EntityCaps.distinct(server);
        assertThat(distinct.features()).containsExactly("http://jabber.org/protocol/commands", "urn:xmpp:ping", "vcard-temp");
        assertThat(distinct.identities()).hasSize(1);
        assertThat(EntityCaps.ver(distinct)).isNotEqualTo(EntityCaps.ver(server));
    }
}
