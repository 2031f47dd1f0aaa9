package net.bluemind.xmpp.calls.tigase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import net.bluemind.xmpp.calls.ExternalService;
import net.bluemind.xmpp.calls.ServiceType;
import net.bluemind.xmpp.calls.Transport;
import net.bluemind.xmpp.calls.TurnCredential;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tigase.xml.Element;

/** The XML a client gets; runs against the real Tigase classes only ({@code mvn -Dreal-tigase ...}, CI's third stage). */
class ServicesXmlTest {

    @Test
    void stunPlainTurnRestrictedWithItsCredential() {
        assumeRealTigase();
        TurnCredential c = new TurnCredential("1700086400:alice@bluemind.test", "pw=", Instant.ofEpochSecond(1_700_086_400L));
        Element e = ServicesXml.render("services", List.of(
                new ExternalService(ServiceType.STUN, "turn.bluemind.test", 3478, Transport.UDP, null),
                new ExternalService(ServiceType.TURN, "turn.bluemind.test", 3478, Transport.TCP, c)));
        assertThat(e.getXMLNS()).isEqualTo("urn:xmpp:extdisco:2");
        assertThat(e.getChildren()).hasSize(2);
        assertThat(e.getChildren().get(0).getAttributes()).containsOnly(
                java.util.Map.entry("type", "stun"), java.util.Map.entry("host", "turn.bluemind.test"),
                java.util.Map.entry("port", "3478"), java.util.Map.entry("transport", "udp"));
        assertThat(e.getChildren().get(1).getAttributes()).contains(
                java.util.Map.entry("type", "turn"), java.util.Map.entry("transport", "tcp"),
                java.util.Map.entry("restricted", "1"), java.util.Map.entry("username", "1700086400:alice@bluemind.test"),
                java.util.Map.entry("password", "pw="), java.util.Map.entry("expires", "2023-11-15T22:13:20Z"));
    }

    @Test
    void noServicesIsAnEmptyElement() {
        assumeRealTigase();
        assertThat(ServicesXml.render("services", List.of()).getChildren()).isNullOrEmpty();
    }

    private static void assumeRealTigase() {
        boolean real;
        try {
            new Element("probe");
            real = true;
        } catch (UnsupportedOperationException declarationsOnly) {
            real = false;
        }
        Assumptions.assumeTrue(real, "needs the real Tigase classes: run with -Dreal-tigase");
    }
}
