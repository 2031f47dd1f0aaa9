package net.bluemind.xmpp.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import net.bluemind.xmpp.check.CheckResult.Status;
import org.junit.jupiter.api.Test;

class CertificateVerdictTest {

    private static final Duration WARN = Duration.ofDays(30);

    private static CheckResult judge(TestCerts.Issued i, String domain) {
        return CertificateVerdict.judge(i.cert(), domain, Instant.now(), WARN);
    }

    @Test
    void aCaSignedCertificateForTheDomainIsOk() throws Exception {
        CheckResult r = judge(TestCerts.caSigned("chat.test", Duration.ofDays(365)), "chat.test");
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.detail()).contains("CN=Test CA");
    }

    @Test
    void aSelfSignedCertificateIsAWarning() throws Exception {
        CheckResult r = judge(TestCerts.selfSigned("chat.test", Duration.ofDays(365)), "chat.test");
        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.detail()).contains("self-signed");
    }

    @Test
    void aSelfSignedCaIsTheAcceptPromptWarning() throws Exception {
        CheckResult r = judge(TestCerts.selfSignedCa("chat.test", Duration.ofDays(365)), "chat.test");
        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.detail()).contains("self-signed", "clients ask users to accept it").doesNotContain("CA:TRUE");
    }

    @Test
    void aSelfSignedLeafWithoutCaTrueIsTheNssWarningWithItsFix() throws Exception {
        CheckResult r = judge(TestCerts.selfSigned("chat.test", Duration.ofDays(365)), "chat.test");
        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.detail()).contains("without CA:TRUE", "NSS", "no way to accept it");
        assertThat(r.fix()).contains("restart bm-xmpp", "reissue it with basicConstraints CA:TRUE");
    }

    @Test
    void aCertificateWithoutTheServerNameIsAWarning() throws Exception {
        CheckResult r = CertificateVerdict.judge(TestCerts.caSigned("chat.test", Duration.ofDays(365)).cert(), "chat.test",
                "xmpp.example.com", Instant.now(), WARN);
        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.detail()).contains("not the server name xmpp.example.com");
        assertThat(r.fix()).contains("external URL");
        assertThat(CertificateVerdict.judge(TestCerts.caSigned("xmpp.example.com", Duration.ofDays(365)).cert(),
                "xmpp.example.com", "xmpp.example.com", Instant.now(), WARN).status()).isEqualTo(Status.OK);
    }

    @Test
    void aCertificateAboutToExpireIsAWarningThatSaysWhen() throws Exception {
        CheckResult r = judge(TestCerts.caSigned("chat.test", Duration.ofDays(3)), "chat.test");
        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.detail()).contains("expires in 2 day(s)");
        assertThat(r.fix()).contains("chat.test.pem");
    }

    @Test
    void anExpiredCertificateFails() throws Exception {
        CheckResult r = judge(TestCerts.caSigned("chat.test", Duration.ofDays(-1)), "chat.test");
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.detail()).contains("expired");
    }

    @Test
    void aCertificateForAnotherNameFails() throws Exception {
        CheckResult r = judge(TestCerts.caSigned("other.test", Duration.ofDays(365)), "chat.test");
        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.detail()).contains("[other.test]", "not chat.test");
    }

    @Test
    void aWildcardCoversOneLabelOnly() throws Exception {
        assertThat(judge(TestCerts.caSigned("*.corp.test", Duration.ofDays(365)), "chat.corp.test").status()).isEqualTo(Status.OK);
        assertThat(judge(TestCerts.caSigned("*.corp.test", Duration.ofDays(365)), "a.chat.corp.test").status()).isEqualTo(Status.FAIL);
        assertThat(judge(TestCerts.caSigned("*.corp.test", Duration.ofDays(365)), "corp.test").status()).isEqualTo(Status.FAIL);
    }
}
