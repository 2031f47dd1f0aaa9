package net.bluemind.xmpp.domains.certs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import net.bluemind.xmpp.common.settings.CertKeyType;
import net.bluemind.xmpp.domains.HostedDomains;
import net.bluemind.xmpp.domains.VHost;
import net.bluemind.xmpp.domains.VHostListener;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateServiceTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    @TempDir
    Path dir;

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
    private final List<DomainCertificate> installed = Collections.synchronizedList(new ArrayList<>());
    private final List<String> severe = Collections.synchronizedList(new ArrayList<>());
    private final Handler logCapture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.SEVERE.intValue()) {
                severe.add(r.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private CertificateService service;

    CertificateServiceTest() {
        Logger.getLogger(CertificateService.class.getName()).addHandler(logCapture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger(CertificateService.class.getName()).removeHandler(logCapture);
        if (service != null) {
            service.close();
        }
        scheduler.shutdownNow();
    }

    private CertificateService service(CertKeyType type) {
        service = new CertificateService(new CertificateDirectory(dir),
                new SelfSignedCertificateFactory(type, Duration.ofDays(825), Clock.systemUTC()),
                installed::add, scheduler);
        return service;
    }

    private void host(String name) {
        service.vhostAdded(new VHost(name, name));
        assertThat(service.awaitIdle(Duration.ofSeconds(20))).isTrue();
    }

    @Test
    void aNewHostGetsAPrivateSelfSignedEcCertificate() throws Exception {
        service(CertKeyType.EC_P256);

        host("acme.test");

        Path file = dir.resolve("acme.test.pem");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String text = Files.readString(file);
        assertThat(text).contains("-----BEGIN CERTIFICATE-----").contains("-----BEGIN PRIVATE KEY-----");

        DomainCertificate parsed = PemFormat.read("acme.test", Files.readAllBytes(file));
        X509Certificate c = parsed.leaf();
        assertThat(c.getPublicKey()).isInstanceOf(ECPublicKey.class);
        assertThat(((ECPublicKey) c.getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(c.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(sans(c)).containsExactlyInAnyOrder("acme.test", "conference.acme.test");
        assertThat(c.getSubjectX500Principal().getName()).contains("CN=acme.test");
        Duration validity = Duration.between(c.getNotBefore().toInstant(), c.getNotAfter().toInstant());
        assertThat(validity).isBetween(Duration.ofDays(825), Duration.ofDays(825).plusHours(2));
        c.checkValidity();
        c.verify(c.getPublicKey()); // self-signed

        assertThat(installed).hasSize(1);
        assertThat(installed.get(0).leaf()).isEqualTo(c);
        assertThat(service.installed("acme.test")).isPresent();
    }

    @Test
    void listenersAfterTheServiceHearOfANewHostOnlyOnceItsCertificateIsInService() throws Exception {
        HostedDomains hosted = new HostedDomains();
        service = new CertificateService(new CertificateDirectory(dir),
                new SelfSignedCertificateFactory(CertKeyType.RSA_3072, Duration.ofDays(825), Clock.systemUTC()),
                installed::add, scheduler);
        hosted.addListener(service);
        service.setSubject(CertificateSubject.of("uid-acme", List.of("acme.test", "acme-alias.test"), Optional.empty()));
        List<String> seenWithoutCertificate = Collections.synchronizedList(new ArrayList<>());
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        hosted.addListener(new VHostListener() {
            @Override
            public void vhostAdded(VHost v) {
                seen.add(v.name());
                if (service.installed(v.name()).isEmpty()) {
                    seenWithoutCertificate.add(v.name());
                }
            }

            @Override
            public void vhostRemoved(VHost v) {
            }
        });

        hosted.putDomain("uid-acme", Set.of("acme.test", "acme-alias.test"));

        assertThat(seen).containsExactlyInAnyOrder("acme.test", "acme-alias.test");
        assertThat(seenWithoutCertificate).isEmpty();
        assertThat(installed).extracting(DomainCertificate::domain).containsExactly("acme.test");
    }

    @Test
    void rsaKeysAre3072Bits() throws Exception {
        SelfSignedCertificateFactory f = new SelfSignedCertificateFactory(CertKeyType.RSA_3072, Duration.ofDays(30),
                Clock.fixed(NOW, ZoneOffset.UTC));

        X509Certificate c = f.create("rsa.test").certificate();

        assertThat(((RSAPublicKey) c.getPublicKey()).getModulus().bitLength()).isEqualTo(3072);
        assertThat(c.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(c.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(sans(c)).containsExactlyInAnyOrder("rsa.test", "conference.rsa.test");
    }

    @Test
    void anOperatorFileIsServedAndNeverOverwritten() throws Exception {
        String operatorPem = pem("acme.test", CertKeyType.RSA_3072, false);
        Files.writeString(dir.resolve("acme.test.pem"), operatorPem);
        service(CertKeyType.EC_P256);

        host("acme.test");

        assertThat(Files.readString(dir.resolve("acme.test.pem"))).isEqualTo(operatorPem);
        assertThat(installed).hasSize(1);
        assertThat(installed.get(0).key().getAlgorithm()).isEqualTo("RSA");
    }

    @Test
    void aReplacedFileIsPickedUpByTheWatchWithoutAnyCall() throws Exception {
        service(CertKeyType.EC_P256).start(Duration.ofHours(1)); // periodic check out of the way
        host("acme.test");
        X509Certificate first = installed.get(0).leaf();

        replace("acme.test", pem("acme.test", CertKeyType.EC_P256, false));

        waitFor(() -> installed.size() == 2, Duration.ofSeconds(15));
        X509Certificate second = installed.get(1).leaf();
        assertThat(second.getSerialNumber()).isNotEqualTo(first.getSerialNumber());
        assertThat(service.installed("acme.test").orElseThrow().leaf()).isEqualTo(second);
    }

    @Test
    void thePeriodicCheckCatchesAChangeTheWatchMissed() throws Exception {
        service(CertKeyType.EC_P256); // not started: no watch at all
        host("acme.test");

        replace("acme.test", pem("acme.test", CertKeyType.EC_P256, false));
        service.checkAllNow();
        service.awaitIdle(Duration.ofSeconds(10));

        assertThat(installed).hasSize(2);
    }

    @Test
    void aMalformedFileIsReportedAndThePreviousCertificateStays() throws Exception {
        service(CertKeyType.EC_P256).start(Duration.ofHours(1));
        host("acme.test");
        DomainCertificate good = installed.get(0);

        replace("acme.test", "-----BEGIN CERTIFICATE-----\nnot base64 at all !!\n-----END CERTIFICATE-----\n");

        waitFor(() -> !severe.isEmpty(), Duration.ofSeconds(15));
        assertThat(severe.get(0)).contains("acme.test.pem").contains("rejected").contains("previous certificate");
        assertThat(installed).hasSize(1);
        assertThat(service.installed("acme.test")).contains(good);

        service.checkAllNow(); // the same bad file is not reported again and again
        service.awaitIdle(Duration.ofSeconds(10));
        assertThat(severe).hasSize(1);
        assertThat(Files.readString(dir.resolve("acme.test.pem"))).contains("not base64"); // operator's file untouched
    }

    @Test
    void aBadFileForANewHostLoadsNothing() throws Exception {
        Files.writeString(dir.resolve("bad.test.pem"), "hello");
        service(CertKeyType.EC_P256);

        host("bad.test");

        assertThat(installed).isEmpty();
        assertThat(severe).singleElement().asString().contains("no CERTIFICATE block").contains("no certificate loaded");
    }

    @Test
    void filesAreValidatedBeforeUse() throws Exception {
        SelfSignedCertificateFactory f = new SelfSignedCertificateFactory(CertKeyType.EC_P256, Duration.ofDays(1), Clock.systemUTC());
        SelfSignedCertificateFactory.Generated a = f.create("a.test");
        SelfSignedCertificateFactory.Generated b = f.create("b.test");
        String certA = PemFormat.write(List.of(a.certificate()), a.keyPair().getPrivate()).split("-----BEGIN PRIVATE KEY")[0];
        String keyB = "-----BEGIN PRIVATE KEY" + PemFormat.write(List.of(b.certificate()), b.keyPair().getPrivate())
                .split("-----BEGIN PRIVATE KEY")[1];

        assertThatThrownBy(() -> PemFormat.read("a.test", (certA + keyB).getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("matches none of the certificates");
        assertThatThrownBy(() -> PemFormat.read("a.test", certA.getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("no PRIVATE KEY block");
        assertThatThrownBy(() -> PemFormat.read("a.test", (keyB + keyB).getBytes(StandardCharsets.US_ASCII)))
                .hasMessageContaining("no CERTIFICATE block");
    }

    @Test
    void anOpenSslTraditionalEcKeyIsAcceptedAndHandedOverAsPkcs8() throws Exception {
        String traditional = pem("acme.test", CertKeyType.EC_P256, true);
        assertThat(traditional).contains("BEGIN EC PRIVATE KEY");

        DomainCertificate c = PemFormat.read("acme.test", traditional.getBytes(StandardCharsets.US_ASCII));

        assertThat(c.pem()).contains("-----BEGIN PRIVATE KEY-----").doesNotContain("EC PRIVATE KEY");
        assertThat(PemFormat.read("acme.test", c.pem().getBytes(StandardCharsets.US_ASCII)).key()).isEqualTo(c.key());
    }

    @Test
    void filesOfHostsNotServedAreLeftAlone() throws Exception {
        service(CertKeyType.EC_P256).start(Duration.ofHours(1));
        host("acme.test");

        Files.writeString(dir.resolve("other.test.pem"), pem("other.test", CertKeyType.EC_P256, false));
        Thread.sleep(1000);
        service.awaitIdle(Duration.ofSeconds(10));

        assertThat(installed).extracting(DomainCertificate::domain).containsExactly("acme.test");
    }

    private static CertificateSubject bluemind(String publicHost, String... aliases) {
        List<String> hosts = new ArrayList<>(List.of("bluemind.test"));
        hosts.addAll(List.of(aliases));
        return CertificateSubject.of("uid-bm", hosts, Optional.ofNullable(publicHost));
    }

    private void domain(CertificateSubject s) {
        service.setSubject(s);
        s.hosts().forEach(h -> service.vhostAdded(new VHost(h, s.domainUid())));
        assertThat(service.awaitIdle(Duration.ofSeconds(20))).isTrue();
    }

    private X509Certificate fileCert(String host) throws Exception {
        return PemFormat.read(host, Files.readAllBytes(dir.resolve(host + ".pem"))).leaf();
    }

    @Test
    void oneCertificateCoversTheDomainItsAliasesTheirMucServicesAndThePublicName() throws Exception {
        service(CertKeyType.EC_P256);

        domain(bluemind("mail.bluemind.test", "bm.test", "corp.test"));

        assertThat(CertificateNames.dnsNames(fileCert("bluemind.test"))).containsExactlyInAnyOrder("bluemind.test",
                "bm.test", "corp.test", "conference.bluemind.test", "conference.bm.test", "conference.corp.test",
                "mail.bluemind.test");
        assertThat(dir.resolve("bm.test.pem")).doesNotExist();
        assertThat(dir.resolve("corp.test.pem")).doesNotExist();
        assertThat(installed).extracting(DomainCertificate::domain).containsExactly("bluemind.test");
        assertThat(service.installed("corp.test")).contains(installed.get(0));
    }

    @Test
    void theGeneratedCertificateIsMadeAgainWhenAliasesOrThePublicNameChange() throws Exception {
        service(CertKeyType.EC_P256);
        domain(bluemind("mail.bluemind.test", "bm.test", "corp.test"));
        X509Certificate first = fileCert("bluemind.test");

        domain(bluemind("chat.bluemind.test", "corp.test"));

        X509Certificate second = fileCert("bluemind.test");
        assertThat(second.getSerialNumber()).isNotEqualTo(first.getSerialNumber());
        assertThat(CertificateNames.dnsNames(second)).containsExactlyInAnyOrder("bluemind.test", "corp.test",
                "conference.bluemind.test", "conference.corp.test", "chat.bluemind.test");
        assertThat(installed).hasSize(2);
        assertThat(service.installed("bluemind.test").orElseThrow().leaf()).isEqualTo(second);

        domain(bluemind("chat.bluemind.test", "corp.test")); // same names: nothing made again
        assertThat(fileCert("bluemind.test")).isEqualTo(second);
        assertThat(installed).hasSize(2);
    }

    @Test
    void anOperatorsDomainFileIsKeptWhateverItMissesAndTheGapIsLoggedOnce() throws Exception {
        String operatorPem = pem("bluemind.test", CertKeyType.EC_P256, false);
        Files.writeString(dir.resolve("bluemind.test.pem"), operatorPem);
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel() == Level.WARNING) {
                    warnings.add(r.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger(CertificateService.class.getName()).addHandler(h);
        try {
            service(CertKeyType.EC_P256);
            domain(bluemind("mail.bluemind.test", "corp.test"));
            service.checkAllNow();
            service.awaitIdle(Duration.ofSeconds(10));
        } finally {
            Logger.getLogger(CertificateService.class.getName()).removeHandler(h);
        }

        assertThat(Files.readString(dir.resolve("bluemind.test.pem"))).isEqualTo(operatorPem);
        assertThat(installed).extracting(DomainCertificate::domain).containsExactly("bluemind.test");
        assertThat(warnings).singleElement().asString().contains("does not cover")
                .contains("corp.test", "mail.bluemind.test").doesNotContain("[bluemind.test");
    }

    @Test
    void anAliasKeepsAnOperatorsOwnFileButLosesOneGeneratedForItAlone() throws Exception {
        String aliasByOperator = pem("corp.test", CertKeyType.EC_P256, false);
        Files.writeString(dir.resolve("corp.test.pem"), aliasByOperator);
        SelfSignedCertificateFactory.Generated old = new SelfSignedCertificateFactory(CertKeyType.EC_P256,
                Duration.ofDays(90), Clock.systemUTC()).create("bm.test");
        Files.writeString(dir.resolve("bm.test.pem"), PemFormat.write(List.of(old.certificate()), old.keyPair().getPrivate()));
        service(CertKeyType.EC_P256);

        domain(bluemind(null, "bm.test", "corp.test"));

        assertThat(dir.resolve("bm.test.pem")).doesNotExist();
        assertThat(Files.readString(dir.resolve("corp.test.pem"))).isEqualTo(aliasByOperator);
        // the alias's own certificate is handed over after the domain's, so it wins for its names
        assertThat(installed).extracting(DomainCertificate::domain).containsExactly("bluemind.test", "corp.test");
        assertThat(service.installed("corp.test").orElseThrow().domain()).isEqualTo("corp.test");
        assertThat(service.installed("bm.test").orElseThrow().domain()).isEqualTo("bluemind.test");

        domain(bluemind("mail.bluemind.test", "bm.test", "corp.test")); // domain's made again: alias handed over again after it
        assertThat(installed).extracting(DomainCertificate::domain)
                .containsExactly("bluemind.test", "corp.test", "bluemind.test", "corp.test");
    }

    private void replace(String host, String pem) throws Exception {
        Path tmp = dir.resolve("incoming.tmp");
        Files.writeString(tmp, pem);
        Files.move(tmp, dir.resolve(host + ".pem"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A certificate as an operator would bring it (not marked as generated by this plugin). */
    private static String pem(String host, CertKeyType type, boolean traditionalKey) throws Exception {
        SelfSignedCertificateFactory.Generated g = OperatorCertificates.issue(type, host);
        if (!traditionalKey) {
            return PemFormat.write(List.of(g.certificate()), g.keyPair().getPrivate());
        }
        // what "openssl ecparam -genkey" writes: SEC1 with the curve and the public key, key before cert
        java.security.interfaces.ECPrivateKey k = (java.security.interfaces.ECPrivateKey) g.keyPair().getPrivate();
        org.bouncycastle.asn1.pkcs.PrivateKeyInfo pki = org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(k.getEncoded());
        org.bouncycastle.asn1.x509.SubjectPublicKeyInfo spki = org.bouncycastle.asn1.x509.SubjectPublicKeyInfo
                .getInstance(g.keyPair().getPublic().getEncoded());
        byte[] sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256, k.getS(), spki.getPublicKeyData(),
                pki.getPrivateKeyAlgorithm().getParameters()).getEncoded();
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(new org.bouncycastle.util.io.pem.PemObject("EC PRIVATE KEY", sec1));
            w.writeObject(g.certificate());
        }
        return out.toString();
    }

    private static List<String> sans(X509Certificate c) throws Exception {
        List<String> l = new ArrayList<>();
        for (List<?> san : c.getSubjectAlternativeNames()) {
            l.add((String) san.get(1));
        }
        return l;
    }

    private static void waitFor(java.util.function.BooleanSupplier cond, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!cond.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(cond.getAsBoolean()).as("condition reached within " + max).isTrue();
    }
}
