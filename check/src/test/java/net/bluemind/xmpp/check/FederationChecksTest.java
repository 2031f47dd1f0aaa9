package net.bluemind.xmpp.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import javax.net.ssl.X509TrustManager;
import net.bluemind.xmpp.check.CheckResult.Status;
import net.bluemind.xmpp.check.FakeS2sServer.Mode;
import org.junit.jupiter.api.Test;

/** Over real sockets and real TLS, against a fake s2s port that behaves well or badly. */
class FederationChecksTest {

    private static final Duration WARN = Duration.ofDays(30);

    private static FederationChecks checks(int port, Function<String, List<InetSocketAddress>> srv, X509TrustManager trust) {
        return new FederationChecks("127.0.0.1", port, srv, t -> new InetSocketAddress(t.getHostString().replaceAll("\\.$", ""), t.getPort()),
                (address, to) -> StartTlsProbe.server(address, to, FederationChecks.FROM, 1000, 3000), trust, Instant.now(),
                WARN);
    }

    private static FederationChecks checks(int port) {
        return checks(port, name -> List.of(), CertificateVerdict.systemTrust());
    }

    private static String text(List<CheckResult> results) {
        return String.join("\n", results.stream().map(CheckResult::line).toList());
    }

    @Test
    void opensAServerStreamForTheDomainAndItsRoomsAsAnotherServerWould() throws Exception {
        try (FakeS2sServer server = FakeS2sServer.of(Mode.XMPP)) {
            List<CheckResult> r = checks(server.port()).check("chat.test");
            assertThat(r).extracting(CheckResult::subject)
                    .containsExactly("chat.test", "chat.test", "conference.chat.test", "conference.chat.test");
            assertThat(server.headersSeen).hasSize(4).allSatisfy(h -> assertThat(h)
                    .contains("xmlns='jabber:server'", "xmlns:db='jabber:server:dialback'", "from='bm-xmpp-check.invalid'",
                            "version='1.0'"));
            assertThat(server.headersSeen.get(0)).contains("to='chat.test'");
            assertThat(server.headersSeen.get(1)).as("restarted over TLS").contains("to='chat.test'");
            assertThat(server.headersSeen.get(2)).contains("to='conference.chat.test'");
        }
    }

    @Test
    void aSelfSignedCertificateMeansFederationOnlyWithServersThatAcceptDialback() throws Exception {
        try (FakeS2sServer server = FakeS2sServer.of(Mode.XMPP)) {
            List<CheckResult> r = checks(server.port()).check("chat.test", "chat.test",
                    "127.0.0.1:" + server.port(), server.address());
            assertThat(r.get(0).status()).isEqualTo(Status.OK);
            assertThat(r.get(0).detail()).contains("STARTTLS offered (not required); after TLS: dialback",
                    "SASL EXTERNAL is offered only to servers presenting a trusted certificate");
            assertThat(r.get(1).status()).isEqualTo(Status.WARN);
            String until = Instant.now().plus(Duration.ofDays(90)).toString().substring(0, 10);
            assertThat(r.get(1).detail()).as("names and expiry of the certificate served for s2s").contains(
                    "self-signed certificate for [chat.test], valid 89 more day(s) (until " + until + ")",
                    "federation only with servers that accept dialback");
            assertThat(r.get(1).fix()).contains("public CA", "s2s_secure_auth");
        }
    }

    @Test
    void aTrustedCertificateForTheDomainIsAcceptedByStrictServers() throws Exception {
        TestCerts.Issued ca = TestCerts.selfSignedCa("Test Root", Duration.ofDays(3650));
        try (FakeS2sServer server = new FakeS2sServer(Mode.XMPP, true, FakeS2sServer.DIALBACK + FakeS2sServer.EXTERNAL,
                TestCerts.issuedBy(ca, "chat.test", Duration.ofDays(365)), ca.cert())) {
            List<CheckResult> r = checks(server.port(), n -> List.of(), TestCerts.trusting(ca.cert()))
                    .check("chat.test", "chat.test", "xmpp.chat.test:5269", server.address());
            assertThat(r).extracting(CheckResult::status).containsExactly(Status.OK, Status.OK);
            assertThat(r.get(0).detail()).isEqualTo("xmpp.chat.test:5269: STARTTLS offered and required; after TLS: dialback, SASL EXTERNAL");
            assertThat(r.get(1).detail()).contains("certificate for [chat.test] issued by CN=Test Root, valid 364 more day(s)",
                    "servers requiring authenticated certificates (s2s_secure_auth) accept it");

            List<CheckResult> untrusted = checks(server.port()).check("chat.test", "chat.test", "x:1", server.address());
            assertThat(untrusted.get(1).status()).isEqualTo(Status.WARN);
            assertThat(untrusted.get(1).detail()).contains("certificate for [chat.test] issued by CN=Test Root",
                    "not trusted by the usual CA list", "accept dialback (or that trust this CA)");
        }
    }

    @Test
    void aCertificateForAnotherNameIsDialbackOnly() throws Exception {
        try (FakeS2sServer server = FakeS2sServer.of(Mode.XMPP)) {
            List<CheckResult> r = checks(server.port()).check("chat.test");
            assertThat(r.get(3).subject()).isEqualTo("conference.chat.test");
            assertThat(r.get(3).status()).isEqualTo(Status.WARN);
            assertThat(r.get(3).detail()).contains("certificate is for [chat.test], not conference.chat.test",
                    "federation only with servers that accept dialback");
            assertThat(r.get(3).fix()).contains("as chat.test.pem");
        }
    }

    @Test
    void eachSrvTargetIsAskedTooOnceEach() throws Exception {
        try (FakeS2sServer server = FakeS2sServer.of(Mode.XMPP)) {
            int port = server.port();
            List<CheckResult> r = checks(port, n -> List.of(InetSocketAddress.createUnresolved("localhost.", port),
                    InetSocketAddress.createUnresolved("127.0.0.1", port)), CertificateVerdict.systemTrust()).check("chat.test");
            assertThat(r).hasSize(8);
            assertThat(r.get(2).detail()).startsWith("localhost:" + port + " (SRV): STARTTLS offered");
        }
    }

    @Test
    void garbageIsNamedAsSuch() throws Exception {
        try (FakeS2sServer server = FakeS2sServer.of(Mode.GARBAGE)) {
            CheckResult r = checks(server.port()).check("chat.test").get(0);
            assertThat(r.status()).isEqualTo(Status.FAIL);
            assertThat(r.detail()).contains("answers, but not an XMPP stream: 'HTTP/1.1 400 Bad Request");
            assertThat(r.fix()).contains("something other than Tigase's s2s listens on 5269");
        }
    }

    @Test
    void aCloseIsNamedAsSuch() throws Exception {
        try (FakeS2sServer server = FakeS2sServer.of(Mode.CLOSE)) {
            CheckResult r = checks(server.port()).check("chat.test").get(0);
            assertThat(r.status()).isEqualTo(Status.FAIL);
            assertThat(r.detail()).contains("the server closed the connection without a word");
        }
    }

    @Test
    void silenceAndATrickleTimeOutInsteadOfHanging() throws Exception {
        for (Mode mode : List.of(Mode.SILENT, Mode.TRICKLE)) {
            try (FakeS2sServer server = FakeS2sServer.of(mode)) {
                long start = System.nanoTime();
                List<CheckResult> r = checks(server.port()).check("chat.test");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as(mode + ": two names").isLessThan(Duration.ofSeconds(8));
                assertThat(r).hasSize(2).allSatisfy(c -> assertThat(c.status()).isEqualTo(Status.FAIL));
                assertThat(r.get(0).detail()).contains("does not answer as an XMPP server",
                        mode == Mode.SILENT ? "no answer within 1 s" : "no complete answer in time");
            }
        }
    }

    @Test
    void aStreamErrorSaysWhichAndWhy() throws Exception {
        try (FakeS2sServer server = FakeS2sServer.of(Mode.HOST_UNKNOWN)) {
            CheckResult r = checks(server.port()).check("chat.test").get(0);
            assertThat(r.status()).isEqualTo(Status.FAIL);
            assertThat(r.detail()).contains("refuses a stream for chat.test: stream error host-unknown");
            assertThat(r.fix()).contains("chat.test is not served by this Tigase");
        }
    }

    /** bm-xmpp.federation = off or allow-list refuses the check like any other server: reachable, policy in force. */
    @Test
    void aRefusalByTheFederationPolicyIsAWarningNamingTheSetting() throws Exception {
        try (FakeS2sServer server = FakeS2sServer.of(Mode.POLICY_VIOLATION)) {
            CheckResult r = checks(server.port()).check("chat.test").get(0);
            assertThat(r.status()).isEqualTo(Status.WARN);
            assertThat(r.detail()).contains("reachable", "refuses servers it does not federate with", "policy-violation");
            assertThat(r.fix()).contains("bm-xmpp.federation");
        }
    }

    /** Tigase refuses an unserved name with the error alone; for conference.<domain> that means no room service. */
    @Test
    void anUnservedRoomServiceIsAWarningAndAnUnservedDomainAFailure() throws Exception {
        try (FakeS2sServer server = FakeS2sServer.of(Mode.HOST_UNKNOWN_BARE)) {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", server.port());
            CheckResult rooms = checks(server.port()).check("conference.chat.test", "chat.test", "x:5269", address).get(0);
            assertThat(rooms.status()).isEqualTo(Status.WARN);
            assertThat(rooms.detail()).contains("not served (host-unknown)", "cannot reach this domain's rooms");
            assertThat(rooms.fix()).contains("tigase-muc");
            CheckResult domain = checks(server.port()).check("chat.test", "chat.test", "x:5269", address).get(0);
            assertThat(domain.status()).isEqualTo(Status.FAIL);
            assertThat(domain.detail()).contains("refuses a stream for chat.test: stream error host-unknown");
        }
    }

    @Test
    void noStartTlsFails() throws Exception {
        try (FakeS2sServer server = FakeS2sServer.of(Mode.NO_STARTTLS)) {
            CheckResult r = checks(server.port()).check("chat.test").get(0);
            assertThat(r.status()).isEqualTo(Status.FAIL);
            assertThat(r.detail()).contains("no STARTTLS offered", "refuse to federate");
        }
    }

    @Test
    void noAuthenticationAfterTlsFailsAndAHeaderOnlyDialbackCounts() throws Exception {
        try (FakeS2sServer server = new FakeS2sServer(Mode.XMPP, false, "",
                TestCerts.selfSignedCa("chat.test", Duration.ofDays(90)))) {
            CheckResult r = checks(server.port()).check("chat.test").get(0);
            assertThat(r.status()).isEqualTo(Status.OK);
            assertThat(r.detail()).contains("after TLS: dialback (stream header only)");
        }
        StartTlsProbe.Negotiation none = new StartTlsProbe.Negotiation("<stream:stream>", "<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>",
                null, "<stream:stream xmlns='jabber:server'>", "");
        CheckResult r = FederationChecks.stream("chat.test", "x:5269", none);
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.detail()).contains("neither dialback nor SASL EXTERNAL");
    }

    @Test
    void nothingListeningOrNoAddressFailsQuickly() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        CheckResult r = checks(closed).check("chat.test").get(0);
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.detail()).contains("127.0.0.1:" + closed + ": nothing accepts connections");
        assertThat(r.fix()).contains("s2s/connections/ports", "firewall");
        CheckResult unresolved = checks(closed).check("chat.test", "chat.test", "nowhere.invalid:5269",
                InetSocketAddress.createUnresolved("nowhere.invalid", 5269)).get(0);
        assertThat(unresolved.detail()).contains("nowhere.invalid does not resolve");
    }

    @Test
    void anExpiredOrExpiringCertificate() throws Exception {
        X509TrustManager trust = CertificateVerdict.systemTrust();
        CheckResult expired = CertificateVerdict.federation(new java.security.cert.X509Certificate[] {
            TestCerts.caSigned("chat.test", Duration.ofDays(-1)).cert()}, "chat.test", "chat.test", "x:5269", trust, Instant.now(), WARN);
        assertThat(expired.status()).isEqualTo(Status.FAIL);
        assertThat(expired.detail()).contains("expired");
        CheckResult soon = CertificateVerdict.federation(new java.security.cert.X509Certificate[] {
            TestCerts.caSigned("chat.test", Duration.ofDays(3)).cert()}, "chat.test", "chat.test", "x:5269", trust, Instant.now(), WARN);
        assertThat(soon.status()).isEqualTo(Status.WARN);
        assertThat(soon.detail()).contains("certificate for [chat.test] expires in 2 day(s)");
    }

    @Test
    void manyNamesAreShortened() {
        assertThat(CertificateVerdict.shortList(List.of("a.test"))).isEqualTo("[a.test]");
        assertThat(CertificateVerdict.shortList(List.of("a.test", "b.test", "c.test", "d.test", "e.test", "f.test")))
                .isEqualTo("[a.test, b.test, c.test, d.test, +2 more]");
    }

    /** Tigase 8.4.0 breaks a few percent of s2s TLS handshakes: the check reconnects once, as another server would. */
    @Test
    void aTlsHandshakeBrokenOnceIsTriedAgainOnASecondConnection() throws Exception {
        try (FakeS2sServer server = FakeS2sServer.of(Mode.XMPP)) {
            int[] calls = {0};
            FederationChecks.Probe flaky = (address, to) -> {
                if (calls[0]++ == 0) {
                    throw new javax.net.ssl.SSLHandshakeException("bad record type");
                }
                return StartTlsProbe.server(address, to, FederationChecks.FROM, 1000, 3000);
            };
            List<CheckResult> r = new FederationChecks("127.0.0.1", server.port(), name -> List.of(),
                    t -> t, flaky, CertificateVerdict.systemTrust(), Instant.now(), WARN)
                    .check("chat.test", "chat.test", "127.0.0.1:" + server.port(), new InetSocketAddress("127.0.0.1", server.port()));
            assertThat(r.get(0).status()).as(text(r)).isEqualTo(Status.OK);
            assertThat(r.get(0).detail()).contains("STARTTLS offered", "after TLS: dialback", "on a second connection: the first TLS handshake failed");
            assertThat(calls[0]).isEqualTo(2);
        }
    }

    @Test
    void aTlsHandshakeThatFailsTwiceIsReported() {
        int[] calls = {0};
        FederationChecks.Probe broken = (address, to) -> {
            calls[0]++;
            throw new javax.net.ssl.SSLHandshakeException("bad record type");
        };
        List<CheckResult> r = new FederationChecks("127.0.0.1", 5269, name -> List.of(), t -> t, broken,
                CertificateVerdict.systemTrust(), Instant.now(), WARN)
                .check("chat.test", "chat.test", "127.0.0.1:5269", new InetSocketAddress("127.0.0.1", 5269));
        assertThat(r).hasSize(1);
        assertThat(r.get(0).status()).isEqualTo(Status.FAIL);
        assertThat(r.get(0).detail()).contains("the TLS handshake failed: bad record type");
        assertThat(calls[0]).isEqualTo(2);
    }
}
