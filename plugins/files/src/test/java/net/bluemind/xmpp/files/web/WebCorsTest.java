package net.bluemind.xmpp.files.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.bluemind.xmpp.common.settings.Settings;
import org.junit.jupiter.api.Test;

class WebCorsTest {

    private final WebCors cors = WebCors.from(Settings.load(Map.of("web-origins",
            "https://mail.example.com, http://127.0.0.1:8080")));

    @Test
    void anAllowedPageGetsItsOwnOriginBackAndVary() {
        assertThat(cors.forRequest("https://mail.example.com")).containsExactly(
                Map.entry("Access-Control-Allow-Origin", "https://mail.example.com"), Map.entry("Vary", "Origin"));
        assertThat(cors.forRequest("http://127.0.0.1:8080"))
                .containsEntry("Access-Control-Allow-Origin", "http://127.0.0.1:8080");
    }

    @Test
    void theOriginIsComparedAsBrowsersSendIt() {
        assertThat(cors.allows("HTTPS://Mail.Example.com")).isTrue();
        assertThat(cors.allows("https://mail.example.com:443")).isTrue();
        assertThat(new WebCors(List.of("http://chat.example.com:80")).allows("http://chat.example.com")).isTrue();
    }

    @Test
    void anotherPageOrNoOriginGetsVaryOnly() {
        assertThat(cors.forRequest("https://evil.example")).containsExactly(Map.entry("Vary", "Origin"));
        assertThat(cors.forRequest("http://mail.example.com")).containsExactly(Map.entry("Vary", "Origin"));
        assertThat(cors.forRequest("https://mail.example.com:8443")).containsExactly(Map.entry("Vary", "Origin"));
        assertThat(cors.forRequest("null")).containsExactly(Map.entry("Vary", "Origin"));
        assertThat(cors.forRequest(null)).containsExactly(Map.entry("Vary", "Origin"));
    }

    @Test
    void nothingConfiguredLetsNoPageIn() {
        WebCors none = WebCors.from(Settings.load(Map.of()));
        assertThat(none.forRequest("https://mail.example.com")).doesNotContainKey("Access-Control-Allow-Origin");
        assertThat(none.preflight("https://mail.example.com", "PUT", "content-type").granted()).isFalse();
    }

    @Test
    void theBrowsersUploadPreflightIsGranted() {
        WebCors.Preflight p = cors.preflight("https://mail.example.com", "PUT", "content-type");
        assertThat(p.granted()).isTrue();
        assertThat(p.status()).isEqualTo(200);
        assertThat(p.headers()).containsEntry("Access-Control-Allow-Origin", "https://mail.example.com")
                .containsEntry("Access-Control-Allow-Methods", "GET, HEAD, PUT, OPTIONS")
                .containsEntry("Access-Control-Allow-Headers", "Content-Type")
                .containsEntry("Access-Control-Max-Age", "86400")
                .containsEntry("Vary", "Origin");
    }

    @Test
    void aDownloadPreflightAndHeaderSpellingsAreGranted() {
        assertThat(cors.preflight("https://mail.example.com", "GET", null).granted()).isTrue();
        assertThat(cors.preflight("https://mail.example.com", "put", " Content-Type ").granted()).isTrue();
        assertThat(cors.preflight("https://mail.example.com", "PUT", "").granted()).isTrue();
    }

    @Test
    void aPreflightFromAnotherPageIsRefusedWithoutCorsHeaders() {
        WebCors.Preflight p = cors.preflight("https://evil.example", "PUT", "content-type");
        assertThat(p.granted()).isFalse();
        assertThat(p.status()).isEqualTo(403);
        assertThat(p.headers()).containsExactly(Map.entry("Vary", "Origin"));
        assertThat(p.reason()).contains("https://evil.example").contains("web-origins");
    }

    @Test
    void methodsAndHeadersAnUploadDoesNotNeedAreRefused() {
        WebCors.Preflight delete = cors.preflight("https://mail.example.com", "DELETE", null);
        assertThat(delete.granted()).isFalse();
        assertThat(delete.reason()).contains("DELETE");
        WebCors.Preflight auth = cors.preflight("https://mail.example.com", "PUT", "content-type, authorization");
        assertThat(auth.granted()).isFalse();
        assertThat(auth.headers()).doesNotContainKey("Access-Control-Allow-Origin");
        assertThat(auth.reason()).contains("authorization");
    }

    @Test
    void onlyAnOptionsNamingAMethodAndAnOriginIsAPreflight() {
        assertThat(WebCors.isPreflight("OPTIONS", "https://mail.example.com", "PUT")).isTrue();
        assertThat(WebCors.isPreflight("OPTIONS", null, "PUT")).isFalse();
        assertThat(WebCors.isPreflight("OPTIONS", "https://mail.example.com", null)).isFalse();
        assertThat(WebCors.isPreflight("PUT", "https://mail.example.com", "PUT")).isFalse();
    }
}
