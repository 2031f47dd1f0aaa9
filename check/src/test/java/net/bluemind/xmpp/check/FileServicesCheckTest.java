package net.bluemind.xmpp.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class FileServicesCheckTest {

    private static Properties shipped() throws Exception {
        return CheckMain.load(Path.of("../etc/init.properties"));
    }

    @Test
    void theShippedConfigurationNamesBothServicesBehindNginx() throws Exception {
        FileServicesCheck.Config c = FileServicesCheck.Config.of(shipped());
        assertThat(c.upload()).isTrue();
        assertThat(c.proxy()).isTrue();
        assertThat(c.httpPort()).isEqualTo(8088);
        assertThat(c.proxyPort()).isEqualTo(1080);
        assertThat(c.maxFileSize()).isEqualTo(20L * 1024 * 1024);
        assertThat(c.publicUrl()).isEqualTo("https://mail.example.com/upload/");
    }

    @Test
    void servicesThatAnswerAreListedPerDomainAndTheExampleHostIsAWarning() throws Exception {
        FileServicesCheck.Config c = FileServicesCheck.Config.of(shipped());
        List<CheckResult> r = FileServicesCheck.judge(c, "127.0.0.1", List.of("a.test", "b.test"), port -> true);
        assertThat(r).extracting(CheckResult::line).anySatisfy(l -> assertThat(l).contains("OK", "127.0.0.1:8088"))
                .anySatisfy(l -> assertThat(l).contains("WARN", "upload/logic/server-name", "mail.example.com"))
                .anySatisfy(l -> assertThat(l).contains("OK", "127.0.0.1:1080"))
                .anySatisfy(l -> assertThat(l).contains("OK", "a.test", "upload.a.test", "max 20 MiB", "proxy.a.test", "1080"))
                .anySatisfy(l -> assertThat(l).contains("b.test", "upload.b.test"));
    }

    @Test
    void configuredButNotListeningIsAWarningNamingTheMissingComponent() throws Exception {
        Properties p = shipped();
        p.setProperty("upload/logic/server-name", "mail.corp.test");
        List<CheckResult> r = FileServicesCheck.judge(FileServicesCheck.Config.of(p), "127.0.0.1", List.of("a.test"), port -> false);
        assertThat(r).hasSize(2).allSatisfy(x -> assertThat(x.status()).isEqualTo(CheckResult.Status.WARN));
        assertThat(r.get(0).line()).contains("tigase-http-api");
        assertThat(r.get(1).line()).contains("tigase-socks5");
    }

    @Test
    void nothingConfiguredMeansNoLineAndABadPortIsNamed() {
        assertThat(FileServicesCheck.judge(FileServicesCheck.Config.of(new Properties()), "h", List.of("a.test"), p -> true)).isEmpty();
        Properties p = new Properties();
        p.setProperty("upload/class", "x");
        p.setProperty("httpServer/connections/ports[i]", "eighty");
        assertThatThrownBy(() -> FileServicesCheck.Config.of(p)).hasMessageContaining("httpServer/connections/ports[i]");
    }

    @Test
    void aDirectHttpSetupShowsItsPort() {
        Properties p = new Properties();
        p.setProperty("upload/class", "x");
        p.setProperty("upload/logic/server-name", "xmpp.corp.test");
        p.setProperty("upload/logic/protocol", "http");
        p.setProperty("upload/logic/port[I]", "8088");
        assertThat(FileServicesCheck.Config.of(p).publicUrl()).isEqualTo("http://xmpp.corp.test:8088/upload/");
    }
}
