package net.bluemind.xmpp.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserStoreCheckTest {

    @Test
    void aMemoryStoreIsAWarningThatSaysWhatIsLost() {
        CheckResult r = UserStoreCheck.judge("memory://xmldb?autoCreateUser=true").orElseThrow();
        assertThat(r.status()).isEqualTo(CheckResult.Status.WARN);
        assertThat(r.line()).contains("WARN  store", "--user-db-uri", "lost at every restart", "Contact lists");
    }

    @Test
    void aDatabaseIsOkAndItsPasswordIsNeverPrinted() {
        CheckResult r = UserStoreCheck.judge(" jdbc:postgresql://localhost/tigasedb?user=tigase&password=s3cret&autoCreateUser=true")
                .orElseThrow();
        assertThat(r.status()).isEqualTo(CheckResult.Status.OK);
        assertThat(r.line()).contains("jdbc:postgresql", "kept across restarts").doesNotContain("s3cret", "localhost");
    }

    @Test
    void theShippedEmbeddedStoreIsOk() {
        CheckResult r = UserStoreCheck.judge("jdbc:derby:tigasedb;create=true;autoCreateUser=true").orElseThrow();
        assertThat(r.status()).isEqualTo(CheckResult.Status.OK);
        assertThat(r.line()).contains("jdbc:derby", "kept across restarts");
    }

    @Test
    void noSettingMeansNoLine() {
        assertThat(UserStoreCheck.judge(null)).isEmpty();
        assertThat(UserStoreCheck.judge("  ")).isEmpty();
    }
}
