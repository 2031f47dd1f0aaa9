package net.bluemind.xmpp.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.bluemind.xmpp.check.CheckResult.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.SimpleResolver;

/** Against a real DNS server (dnsmasq) with and without the records. */
class SrvChecksTest {

    private static Dnsmasq dns;

    @BeforeAll
    static void dns() throws Exception {
        dns = new Dnsmasq(List.of(
                "_xmpp-client._tcp.good.test,xmpp.good.test,5222,0,5",
                "_xmpp-server._tcp.good.test,xmpp.good.test,5269,0,5",
                "_xmpps-client._tcp.good.test,xmpp.good.test,5223,0,5",
                "_xmpp-client._tcp.wrongport.test,xmpp.good.test,5223,0,5",
                "_xmpp-server._tcp.wrongport.test,xmpp.good.test,5269,0,5"));
    }

    @AfterAll
    static void stop() {
        dns.close();
    }

    private static SrvChecks checks(String xmppHost) throws Exception {
        SimpleResolver r = new SimpleResolver("127.0.0.1");
        r.setPort(dns.port);
        return new SrvChecks(r, xmppHost);
    }

    @Test
    void recordsPointingAtTheServerAreOk() throws Exception {
        List<CheckResult> r = checks("xmpp.good.test").check("good.test");
        assertThat(r).extracting(CheckResult::status).containsExactly(Status.OK, Status.OK, Status.OK);
        assertThat(r.get(0).detail()).contains("_xmpp-client._tcp.good.test.", "xmpp.good.test.:5222");
        assertThat(r.get(2).detail()).contains("_xmpps-client._tcp.good.test.", "xmpp.good.test.:5223");
    }

    @Test
    void missingRecordsFailAndSayWhatToAdd() throws Exception {
        List<CheckResult> r = checks("xmpp.good.test").check("missing.test");
        assertThat(r).extracting(CheckResult::status).containsExactly(Status.FAIL, Status.FAIL, Status.WARN);
        assertThat(r.get(0).fix()).isEqualTo("add: _xmpp-client._tcp.missing.test. 3600 IN SRV 0 5 5222 xmpp.good.test.");
        assertThat(r.get(1).fix()).isEqualTo("add: _xmpp-server._tcp.missing.test. 3600 IN SRV 0 5 5269 xmpp.good.test.");
        assertThat(r.get(2).fix()).isEqualTo("add: _xmpps-client._tcp.missing.test. 3600 IN SRV 0 5 5223 xmpp.good.test.");
        assertThat(r.get(2).detail()).contains("XEP-0368");
    }

    @Test
    void aWrongPortOrTargetFails() throws Exception {
        List<CheckResult> r = checks("xmpp.good.test").check("wrongport.test");
        assertThat(r.get(0).status()).isEqualTo(Status.FAIL);
        assertThat(r.get(0).detail()).contains("xmpp.good.test.:5223");
        assertThat(r.get(1).status()).isEqualTo(Status.OK);
        assertThat(checks("chat.elsewhere.test").check("good.test")).extracting(CheckResult::status)
                .containsExactly(Status.FAIL, Status.FAIL, Status.FAIL);
    }

    @Test
    void theServerTargetsOfANameAreWhereOtherServersConnect() throws Exception {
        assertThat(checks(null).serverTargets("good.test")).singleElement().satisfies(t -> {
            assertThat(t.getHostString()).isEqualTo("xmpp.good.test");
            assertThat(t.getPort()).isEqualTo(5269);
        });
        assertThat(checks(null).serverTargets("missing.test")).isEmpty();
    }

    @Test
    void aResolverThatDoesNotAnswerIsReportedAsSuch() throws Exception {
        SimpleResolver nobody = new SimpleResolver("127.0.0.1");
        nobody.setPort(9); // discard: nothing answers
        List<CheckResult> r = new SrvChecks(nobody, null).check("good.test");
        assertThat(r.get(0).status()).isEqualTo(Status.FAIL);
        assertThat(r.get(0).detail()).contains("DNS did not answer");
    }
}
