package net.bluemind.xmpp.check;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.bluemind.xmpp.common.core.CoreClient;
import org.xbill.DNS.Resolver;

/** Runs every check of a deployment in a stable order. */
final class Deployment {

    static final int[] PORTS = {5222, 5223, 5269};

    record Target(CoreClient core, URI amqp, URI es, Resolver resolver, String xmppHost, String connectHost,
            Duration certWarnBefore, String userDbUri, String login, String password,
            FileServicesCheck.Config files) {
    }

    private Deployment() {
    }

    static List<CheckResult> check(Target t) {
        List<CheckResult> out = new ArrayList<>();
        List<String> domains = ServiceChecks.core(t.core(), out);
        out.add(ServiceChecks.rabbitmq(t.amqp()));
        out.add(t.es() == null
                ? CheckResult.warn("es", "Elasticsearch", "no es-urls set", "set es-urls in init.properties")
                : ServiceChecks.elasticsearch(t.es()));
        UserStoreCheck.judge(t.userDbUri()).ifPresent(out::add);
        boolean c2sUp = true;
        for (int port : PORTS) {
            boolean up = reachable(t.connectHost(), port);
            c2sUp &= port != 5222 || up;
            out.add(up ? CheckResult.ok("port", t.connectHost() + ":" + port, "accepts connections")
                    : CheckResult.fail("port", t.connectHost() + ":" + port, "nothing accepts connections",
                            "start bm-xmpp (systemctl start bm-xmpp) and open the port in the firewall"));
        }
        if (t.files() != null) {
            out.addAll(FileServicesCheck.judge(t.files(), t.connectHost(), domains, port -> reachable(t.connectHost(), port)));
        }
        SrvChecks srv = new SrvChecks(t.resolver(), t.xmppHost());
        FederationChecks federation = domains.isEmpty() ? null
                : FederationChecks.of(t.xmppHost() == null ? t.connectHost() : t.xmppHost(), srv, t.certWarnBefore());
        for (String domain : domains) {
            out.addAll(srv.check(domain));
            if (c2sUp) {
                out.add(certificate(t, domain));
            }
            out.addAll(federation.check(domain));
        }
        if (c2sUp && !domains.isEmpty()) {
            out.addAll(rooms(t, domains));
        }
        return out;
    }

    /** The room service of each domain, asked by disco#info over a login (users only may send stanzas). */
    private static List<CheckResult> rooms(Target t, List<String> domains) {
        if (t.login() == null || t.password() == null) {
            return List.of(CheckResult.warn("rooms", "conference.<domain>", "room services not checked",
                    "give --login USER@DOMAIN --password-file FILE (an IM user) to check them"));
        }
        List<CheckResult> out = new ArrayList<>();
        try {
            RoomServiceProbe.discoInfo(t.connectHost(), 5222, t.login(), t.password(), domains)
                    .forEach((domain, answer) -> out.add(RoomServiceVerdict.judge(domain, answer)));
        } catch (IOException e) {
            out.add(CheckResult.fail("rooms", "conference.<domain>", "could not ask the room services: " + e.getMessage(),
                    "check --login / --password-file"));
        }
        return out;
    }

    private static CheckResult certificate(Target t, String domain) {
        try {
            return CertificateVerdict.judge(servedCertificate(t, domain), domain, t.xmppHost(), Instant.now(),
                    t.certWarnBefore());
        } catch (IOException e) {
            return CheckResult.fail("cert", domain, "no certificate served over STARTTLS: " + e.getMessage(),
                    "check the domain is hosted (bm-xmpp logs) and its .pem in the certs dir");
        }
    }

    /**
     * Asked twice when the TLS negotiation itself breaks: stock Tigase 8.4.0 now and then corrupts a STARTTLS
     * negotiation (docs/developers-guide.md, "Known Tigase issues"); a client reconnects, and so does the check before saying FAIL.
     */
    private static java.security.cert.X509Certificate servedCertificate(Target t, String domain) throws IOException {
        try {
            return StartTlsProbe.certificate(t.connectHost(), 5222, domain);
        } catch (javax.net.ssl.SSLException e) {
            return StartTlsProbe.certificate(t.connectHost(), 5222, domain);
        }
    }

    private static boolean reachable(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 3000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
