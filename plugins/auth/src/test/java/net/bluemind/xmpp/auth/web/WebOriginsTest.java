package net.bluemind.xmpp.auth.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import net.bluemind.xmpp.common.settings.Settings;
import net.bluemind.xmpp.common.settings.SettingsException;
import org.junit.jupiter.api.Test;

class WebOriginsTest {

    private static WebOrigins of(String raw) {
        return WebOrigins.from(Settings.load(Map.of("web-origins", raw)));
    }

    @Test
    void onlyTheConfiguredOriginsArePagesThatMayConnect() {
        WebOrigins o = of("https://mail.example.com, https://Webmail.Example.com:8443/");
        assertThat(o.allows("https://mail.example.com")).isTrue();
        assertThat(o.allows("https://MAIL.example.com:443")).as("default port, any case").isTrue();
        assertThat(o.allows("https://webmail.example.com:8443")).isTrue();
        assertThat(o.allows("http://mail.example.com")).as("another scheme is another origin").isFalse();
        assertThat(o.allows("https://mail.example.com.evil.test")).isFalse();
        assertThat(o.allows("https://evil.test")).isFalse();
        assertThat(o.allows("null")).as("sandboxed pages and files").isFalse();
    }

    @Test
    void aClientWithoutOriginIsNoWebPageAndIsNotConcerned() {
        assertThat(of("").allows(null)).isTrue();
        assertThat(of("").allows("https://mail.example.com")).as("nothing configured: no page").isFalse();
    }

    @Test
    void boshNamesTheFirstOriginForCorsAndNoneWhenEmpty() {
        assertThat(of("https://mail.example.com,https://other.example.com").corsHeaders())
                .startsWith("Access-Control-Allow-Origin: https://mail.example.com\r\n").endsWith("\r\n")
                .doesNotContain("other.example.com", "*");
        assertThat(of("").corsHeaders()).doesNotContain("Access-Control-Allow-Origin");
    }

    @Test
    void aUrlWithAPathIsNotAnOrigin() {
        assertThatThrownBy(() -> of("https://mail.example.com/webmail")).isInstanceOf(SettingsException.class)
                .hasMessageContaining("web-origins");
        assertThat(new WebOrigins(List.of("https://a.test/")).allowed()).containsExactly("https://a.test");
    }
}
