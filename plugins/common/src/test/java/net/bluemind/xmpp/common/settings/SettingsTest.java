package net.bluemind.xmpp.common.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void everyDefaultParsesAndEverySettingIsDescribed() {
        Settings s = Settings.defaults();
        Set<String> keys = new HashSet<>();
        for (Setting<?> setting : Keys.all()) {
            assertThat(keys.add(setting.key())).as("duplicate key " + setting.key()).isTrue();
            assertThat(setting.key()).matches("[a-z][a-z0-9-]*");
            assertThat(setting.description()).as(setting.key()).isNotBlank();
            assertThat(setting.expected()).as(setting.key()).isNotBlank();
            assertThat((Object) s.get(setting)).as(setting.key()).isNotNull();
        }
        assertThat(s.get(Keys.CORE_URL)).isEmpty();
        assertThat(s.get(Keys.BM_INI)).isEqualTo(Path.of("/etc/bm/bm.ini"));
        assertThat(s.get(Keys.CORE_TOKEN_FILE)).isEqualTo(Path.of("/etc/bm/bm-core.tok"));
        assertThat(s.get(Keys.LOCATOR_PORT)).isEqualTo(8084);
        assertThat(s.get(Keys.CORE_PORT)).isEqualTo(8090);
        assertThat(s.get(Keys.CORE_READ_TIMEOUT)).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.get(Keys.VCARD_PHOTO_MAX_BYTES)).isEqualTo(64 * 1024L);
        assertThat(s.get(Keys.CERT_KEY_TYPE)).isEqualTo(CertKeyType.EC_P256);
    }

    @Test
    void parsesGivenValues() {
        Settings s = Settings.load(Map.of("core-url", " http://10.0.0.5:8090 , https://core2.test ",
                "core-read-timeout", "750ms", "archive-spool-max", "2g", "cert-key-type", "rsa-3072",
                "auth-offline-login", "off", "amqp-uri", "amqps://bm:pw@mq.test:5671/vhost"));
        assertThat(s.get(Keys.CORE_URL)).containsExactly(URI.create("http://10.0.0.5:8090"), URI.create("https://core2.test"));
        assertThat(s.get(Keys.CORE_READ_TIMEOUT)).isEqualTo(Duration.ofMillis(750));
        assertThat(s.get(Keys.ARCHIVE_SPOOL_MAX)).isEqualTo(2L << 30);
        assertThat(s.get(Keys.CERT_KEY_TYPE)).isEqualTo(CertKeyType.RSA_3072);
        assertThat(s.get(Keys.AUTH_OFFLINE_LOGIN)).isFalse();
        assertThat(s.get(Keys.AMQP_URI).getHost()).isEqualTo("mq.test");
    }

    @Test
    void aBadValueNamesTheKeyTheValueAndWhatIsExpected() {
        for (Map.Entry<String, String> bad : List.of(Map.entry("core-read-timeout", "fast"),
                Map.entry("core-connect-timeout", "10ms"), Map.entry("locator-port", "70000"),
                Map.entry("auth-cache-size", "-1"), Map.entry("core-url", "ftp://core.test"),
                Map.entry("amqp-uri", "http://mq.test"), Map.entry("auth-offline-login", "maybe"),
                Map.entry("cert-key-type", "dsa"), Map.entry("archive-spool-max", "12 parsecs"),
                Map.entry("bm-ini", ""))) {
            assertThatThrownBy(() -> Settings.load(Map.ofEntries(bad))).as(bad.toString())
                    .isInstanceOfSatisfying(SettingsException.class, e -> {
                        assertThat(e.key()).isEqualTo(bad.getKey());
                        assertThat(e.getMessage()).contains("'" + bad.getKey() + "'", "'" + bad.getValue() + "'",
                                "expected");
                    });
        }
    }

    @Test
    void federationSettings() {
        assertThat(Settings.defaults().get(Keys.FEDERATION)).isEqualTo(FederationMode.ON);
        assertThat(Settings.defaults().get(Keys.FEDERATION_ALLOWED_DOMAINS)).isEmpty();
        Settings s = Settings.load(Map.of("federation", "allow-list", "federation-allowed-domains",
                " Partner.Example. , ,xn--bcher-kva.example,a-b.c1.example"));
        assertThat(s.get(Keys.FEDERATION)).isEqualTo(FederationMode.ALLOW_LIST);
        assertThat(s.get(Keys.FEDERATION_ALLOWED_DOMAINS))
                .containsExactly("partner.example", "xn--bcher-kva.example", "a-b.c1.example");
        for (String bad : List.of("user@partner.example", "partner.example/res", "*.partner.example",
                "partner..example", "-partner.example", "http://partner.example")) {
            assertThatThrownBy(() -> Settings.load(Map.of("federation-allowed-domains", bad))).as(bad)
                    .isInstanceOfSatisfying(SettingsException.class,
                            e -> assertThat(e.key()).isEqualTo("federation-allowed-domains"));
        }
        assertThatThrownBy(() -> Settings.load(Map.of("federation", "whitelist")))
                .isInstanceOfSatisfying(SettingsException.class, e -> assertThat(e.getMessage())
                        .contains("one of on, off, allow-list"));
    }

    @Test
    void anUnknownKeyIsRefused() {
        assertThatThrownBy(() -> Settings.load(Map.of("core-urll", "http://x.test")))
                .isInstanceOfSatisfying(SettingsException.class, e -> {
                    assertThat(e.key()).isEqualTo("core-urll");
                    assertThat(e.getMessage()).contains("unknown setting", "core-url");
                });
    }

    @Test
    void withChangesOneValueAndValidatesIt() {
        Settings s = Settings.defaults().with(Keys.CORE_PORT, "18090");
        assertThat(s.get(Keys.CORE_PORT)).isEqualTo(18090);
        assertThat(Settings.defaults().get(Keys.CORE_PORT)).isEqualTo(8090);
        assertThatThrownBy(() -> s.with(Keys.CORE_PORT, "0")).isInstanceOf(SettingsException.class)
                .hasMessageContaining("core-port");
    }

    @Test
    void onlyPrefixedPropertiesAreSettings() {
        java.util.Properties props = new java.util.Properties();
        props.setProperty("bm-xmpp.core-port", "18090");
        props.setProperty("bm-xmpp.auth-cache-ttl", "30s");
        props.setProperty("java.version", "17");
        props.setProperty("virt-hosts", "a.test");
        Map<String, String> raw = Settings.withPrefix(props, Settings.SYSTEM_PROPERTY_PREFIX);
        assertThat(raw).containsOnly(Map.entry("core-port", "18090"), Map.entry("auth-cache-ttl", "30s"));
        assertThat(Settings.load(raw).get(Keys.AUTH_CACHE_TTL)).hasSeconds(30);
    }
}
