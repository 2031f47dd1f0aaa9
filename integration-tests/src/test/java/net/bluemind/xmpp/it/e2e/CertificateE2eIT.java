package net.bluemind.xmpp.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One certificate per BlueMind domain, read from the TLS session: for a domain with two aliases it carries
 * exactly the domain, both aliases, conference.* of each and the server's public host name, whichever of
 * those names the client asks for (SNI), and it follows alias and public-name changes.
 */
class CertificateE2eIT {

    private static final String DOMAIN = "certs.test";
    private static E2eStack stack;

    @BeforeAll
    static void stack() throws Exception {
        stack = E2eStack.get();
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
    }

    @AfterAll
    static void dropTheDomain() throws Exception {
        if (stack != null) {
            stack.core.removeDomain(DOMAIN);
            stack.publishSystem("domain.deleted", DOMAIN);
        }
    }

    @Test
    void theDomainsCertificateCoversItsAliasesTheirMucAndThePublicNameAndFollowsChanges() throws Exception {
        stack.core.addDomain(DOMAIN, "certs-one.test", "certs-two.test");
        stack.core.setDomainSetting(DOMAIN, "domain.external.url", "https://chat.certs.example/");
        stack.publishSystem("domain.created", DOMAIN);

        Set<String> expected = Set.of("certs.test", "certs-one.test", "certs-two.test", "conference.certs.test",
                "conference.certs-one.test", "conference.certs-two.test", "chat.certs.example");
        for (String sni : List.of("certs.test", "certs-one.test", "certs-two.test", "chat.certs.example")) {
            X509Certificate c = awaitNames(sni, expected);
            assertThat(c.getSubjectX500Principal().getName()).contains("CN=certs.test");
            assertThat(c.getBasicConstraints()).as("a CA-flagged self-signed certificate, as NSS wants").isZero();
        }
        X509Certificate overStartTls = ServedCertificate.startTls("certs-two.test");
        assertThat(dnsNames(overStartTls)).isEqualTo(expected);

        // an alias replaced and the public name changed: the certificate is made again
        stack.core.setDomainAliases(DOMAIN, "certs-one.test", "certs-three.test");
        stack.core.setDomainSetting(DOMAIN, "domain.external.url", "im.certs.example");
        stack.publishSystem("domain.updated", DOMAIN);

        Set<String> after = Set.of("certs.test", "certs-one.test", "certs-three.test", "conference.certs.test",
                "conference.certs-one.test", "conference.certs-three.test", "im.certs.example");
        assertThat(dnsNames(awaitNames("certs-three.test", after))).isEqualTo(after);
        assertThat(dnsNames(awaitNames("certs.test", after))).isEqualTo(after);
        assertThat(dnsNames(awaitNames("im.certs.example", after))).isEqualTo(after);
    }

    /** The certificate served for that SNI once it carries exactly these names (waits up to 30 s). */
    private static X509Certificate awaitNames(String sni, Set<String> names) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Object last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                X509Certificate c = ServedCertificate.direct(sni);
                if (dnsNames(c).equals(names)) {
                    return c;
                }
                last = dnsNames(c);
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the certificate served for " + sni + " never carried " + new TreeSet<>(names)
                + "; last seen: " + last);
    }

    private static Set<String> dnsNames(X509Certificate c) throws Exception {
        Set<String> names = new TreeSet<>();
        Collection<List<?>> sans = c.getSubjectAlternativeNames();
        if (sans != null) {
            sans.stream().filter(s -> Integer.valueOf(2).equals(s.get(0))).forEach(s -> names.add((String) s.get(1)));
        }
        return names;
    }
}
