package net.bluemind.xmpp.domains.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.bluemind.xmpp.common.settings.CertKeyType;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the client stacks themselves say of a generated certificate: NSS (libpurple/Pidgin, Thunderbird),
 * OpenSSL and GnuTLS must see "self-signed / issuer not trusted" and nothing else before the user accepts
 * it, and a valid server certificate once it is trusted. Runs each tool that is installed (Debian:
 * libnss3-tools, openssl, gnutls-bin; scripts/test.sh installs them), skipped with a message otherwise.
 */
class NativeVerifiersTest {

    private static final List<String> NAMES = List.of("bluemind.test", "corp.test", "conference.bluemind.test",
            "conference.corp.test", "mail.bluemind.test");

    @TempDir
    Path tmp;

    private Path certificate(CertKeyType type) throws Exception {
        var g = new SelfSignedCertificateFactory(type, Duration.ofDays(825), Clock.systemUTC()).create(NAMES);
        Path pem = tmp.resolve("server.crt");
        try (JcaPEMWriter w = new JcaPEMWriter(Files.newBufferedWriter(pem, StandardCharsets.US_ASCII))) {
            w.writeObject(g.certificate());
        }
        return pem;
    }

    @ParameterizedTest
    @EnumSource(CertKeyType.class)
    void nssSeesAnUntrustedIssuerOnlyThenAValidServerCertificateOnceAccepted(CertKeyType type) throws Exception {
        assumeTrue(installed("certutil") && installed("vfychain"),
                "NSS tools missing (apt-get install libnss3-tools): NSS check skipped");
        Path cert = certificate(type);
        Path db = Files.createDirectory(tmp.resolve("nssdb"));
        String sqlDb = "sql:" + db;
        assertThat(run("certutil", "-N", "-d", sqlDb, "--empty-password").code()).isZero();

        // never seen: what libpurple's CERT_VerifyCert reports (certUsageSSLServer = vfychain -u 1)
        Result fresh = run("vfychain", "-v", "-d", sqlDb, "-u", "1", "-a", cert.toString());
        assertThat(fresh.code()).as(fresh.out()).isNotZero();
        assertThat(errors(fresh.out())).as(fresh.out()).containsExactly("-8172"); // SEC_ERROR_UNTRUSTED_ISSUER only

        // in the database without trust: still only "issuer not trusted"
        assertThat(run("certutil", "-A", "-d", sqlDb, "-n", "srv", "-t", ",,", "-a", "-i", cert.toString()).code()).isZero();
        Result untrusted = run("certutil", "-V", "-d", sqlDb, "-n", "srv", "-u", "V");
        assertThat(untrusted.out()).contains("Peer's certificate issuer has been marked as not trusted");

        // the user accepts it (trusted peer): valid SSL server certificate
        assertThat(run("certutil", "-M", "-d", sqlDb, "-n", "srv", "-t", "P,,").code()).isZero();
        Result accepted = run("certutil", "-V", "-d", sqlDb, "-n", "srv", "-u", "V");
        assertThat(accepted.out()).contains("certificate is valid");
        Result chain = run("vfychain", "-v", "-d", sqlDb, "-u", "1", "-a", cert.toString());
        assertThat(chain.code()).as(chain.out()).isZero();
        assertThat(chain.out()).contains("Chain is good!");
    }

    @ParameterizedTest
    @EnumSource(CertKeyType.class)
    void openSslSaysSelfSignedOnlyThenOkForEveryNameOnceTrusted(CertKeyType type) throws Exception {
        assumeTrue(installed("openssl"), "openssl missing: OpenSSL check skipped");
        Path cert = certificate(type);

        Result plain = run("openssl", "verify", cert.toString());
        assertThat(plain.code()).isNotZero();
        assertThat(plain.out()).contains("error 18 at 0 depth lookup: self-signed certificate");
;
        assertThat(plain.out().lines().filter(l -> l.startsWith("error ") && !l.startsWith("error 18")
                && !l.contains("verification failed"))).isEmpty();
        for (String name : NAMES) {
            Result trusted = run("openssl", "verify", "-CAfile", cert.toString(), "-purpose", "sslserver",
                    "-verify_hostname", name, cert.toString());
            assertThat(trusted.out()).as(name).contains(cert + ": OK");
        }
        Result other = run("openssl", "verify", "-CAfile", cert.toString(), "-verify_hostname", "other.test", cert.toString());
        assertThat(other.code()).isNotZero();
    }

    @ParameterizedTest
    @EnumSource(CertKeyType.class)
    void gnuTlsSaysIssuerUnknownOnlyThenVerifiedOnceTrusted(CertKeyType type) throws Exception {
        assumeTrue(installed("certtool"), "certtool missing (apt-get install gnutls-bin): GnuTLS check skipped");
        Path cert = certificate(type);

        Result plain = run("certtool", "--verify", "--infile", cert.toString());
        assertThat(plain.out()).contains("The certificate issuer is unknown").doesNotContain("not a CA")
                .doesNotContain("violates");
        Result trusted = run("certtool", "--verify", "--load-ca-certificate", cert.toString(), "--verify-purpose",
                "1.3.6.1.5.5.7.3.1", "--verify-hostname", "corp.test", "--infile", cert.toString());
        assertThat(trusted.out()).contains("Chain verification output: Verified. The certificate is trusted.");
    }

    private static List<String> errors(String vfychainOutput) {
        List<String> codes = new ArrayList<>();
        vfychainOutput.lines().map(String::trim).filter(l -> l.startsWith("ERROR "))
                .forEach(l -> codes.add(l.substring(6, l.indexOf(':'))));
        return codes;
    }

    private record Result(int code, String out) {
    }

    private static boolean installed(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private Result run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(
                Path.of("/dev/null").toFile())).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        return new Result(p.exitValue(), out);
    }
}
