package net.bluemind.xmpp.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import net.bluemind.xmpp.common.settings.Keys;
import net.bluemind.xmpp.common.settings.Settings;
import net.bluemind.xmpp.common.settings.SettingsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallsConfigTest {

    @Test
    void offByDefault() {
        CallsConfig c = CallsConfig.from(Settings.defaults());
        assertThat(c.enabled()).isFalse();
        assertThat(c.port()).isEqualTo(3478);
        assertThat(c.transports()).containsExactly(Transport.UDP, Transport.TCP);
        assertThat(c.ttl()).isEqualTo(Duration.ofDays(1));
        assertThat(c.secretFile()).isEqualTo(Path.of("/etc/bm-xmpp/turn-secret"));
    }

    @Test
    void hostsPortTransportsAndLifetimeFromTheSettings() {
        CallsConfig c = CallsConfig.from(Settings.defaults()
                .with(Keys.TURN_HOSTS, "Turn.Example.com, 203.0.113.10, 2001:db8::7")
                .with(Keys.TURN_PORT, "3479").with(Keys.TURN_TRANSPORTS, "tcp").with(Keys.TURN_CREDENTIAL_TTL, "2h"));
        assertThat(c.enabled()).isTrue();
        assertThat(c.hosts()).containsExactly("turn.example.com", "203.0.113.10", "2001:db8::7");
        assertThat(c.port()).isEqualTo(3479);
        assertThat(c.transports()).containsExactly(Transport.TCP);
        assertThat(c.ttl()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void badValuesAreRefusedNamingTheSetting() {
        assertThatThrownBy(() -> Settings.defaults().with(Keys.TURN_HOSTS, "turn example"))
                .isInstanceOf(SettingsException.class).hasMessageContaining("turn-hosts");
        assertThatThrownBy(() -> Settings.defaults().with(Keys.TURN_TRANSPORTS, "udp,tls"))
                .isInstanceOf(SettingsException.class).hasMessageContaining("turn-transports");
        assertThatThrownBy(() -> Settings.defaults().with(Keys.TURN_TRANSPORTS, ""))
                .isInstanceOf(SettingsException.class).hasMessageContaining("turn-transports");
        assertThatThrownBy(() -> Settings.defaults().with(Keys.TURN_CREDENTIAL_TTL, "10s"))
                .isInstanceOf(SettingsException.class).hasMessageContaining("turn-credential-ttl");
        assertThatThrownBy(() -> Settings.defaults().with(Keys.TURN_PORT, "0"))
                .isInstanceOf(SettingsException.class).hasMessageContaining("turn-port");
    }

    @Test
    void theSecretFileIsReadWithoutSurroundingWhiteSpace(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("turn-secret");
        Files.writeString(f, "  s3cret-shared-with-coturn\n", StandardCharsets.UTF_8);
        assertThat(new String(new SecretFile(f).secret(), StandardCharsets.UTF_8)).isEqualTo("s3cret-shared-with-coturn");
        Files.writeString(f, "\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new SecretFile(f).secret()).isInstanceOf(CallsUnavailableException.class)
                .hasMessageContaining("empty");
    }
}
