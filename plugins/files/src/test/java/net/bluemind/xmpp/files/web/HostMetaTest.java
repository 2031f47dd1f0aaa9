package net.bluemind.xmpp.files.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import net.bluemind.xmpp.common.settings.Settings;
import net.bluemind.xmpp.common.settings.SettingsException;
import org.junit.jupiter.api.Test;

class HostMetaTest {

    private final HostMeta both = HostMeta.from(Settings.load(Map.of(
            "web-websocket-url", "wss://mail.example.com/xmpp-websocket",
            "web-bosh-url", "https://mail.example.com/http-bind")));

    @Test
    void theXrdNamesBothEndpoints() {
        assertThat(both.xrd()).isEqualTo("""
                <?xml version='1.0' encoding='utf-8'?>
                <XRD xmlns='http://docs.oasis-open.org/ns/xri/xrd-1.0'>
                  <Link rel='urn:xmpp:alt-connections:websocket' href='wss://mail.example.com/xmpp-websocket'/>
                  <Link rel='urn:xmpp:alt-connections:xbosh' href='https://mail.example.com/http-bind'/>
                </XRD>
                """);
    }

    @Test
    void theJsonNamesBothEndpoints() {
        assertThat(both.json()).isEqualTo("{\"links\":["
                + "{\"rel\":\"urn:xmpp:alt-connections:websocket\",\"href\":\"wss://mail.example.com/xmpp-websocket\"},"
                + "{\"rel\":\"urn:xmpp:alt-connections:xbosh\",\"href\":\"https://mail.example.com/http-bind\"}]}");
    }

    @Test
    void onlyTheConfiguredEndpointIsTold() {
        HostMeta ws = new HostMeta("wss://mail.example.com/xmpp-websocket", "");
        assertThat(ws.isEmpty()).isFalse();
        assertThat(ws.xrd()).contains("websocket").doesNotContain("xbosh");
        assertThat(ws.json()).contains("websocket").doesNotContain("xbosh");
    }

    @Test
    void nothingConfiguredIsEmpty() {
        assertThat(HostMeta.from(Settings.load(Map.of())).isEmpty()).isTrue();
    }

    @Test
    void aUrlIsEscapedInBothDocuments() {
        HostMeta odd = new HostMeta("wss://h.example/ws'&\"", "");
        assertThat(odd.xrd()).contains("href='wss://h.example/ws&apos;&amp;&quot;'");
        assertThat(odd.json()).contains("\"href\":\"wss://h.example/ws'&\\\"\"");
    }

    @Test
    void aUrlOfTheWrongKindIsAClearError() {
        assertThatThrownBy(() -> Settings.load(Map.of("web-websocket-url", "https://mail.example.com/ws")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("web-websocket-url");
        assertThatThrownBy(() -> Settings.load(Map.of("web-bosh-url", "mail.example.com/http-bind")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("web-bosh-url");
    }
}
