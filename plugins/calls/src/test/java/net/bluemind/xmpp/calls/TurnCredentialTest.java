package net.bluemind.xmpp.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TurnCredentialTest {

    private static final byte[] SECRET = "north".getBytes(StandardCharsets.UTF_8);

    @Test
    void usernameIsTheExpiryInUnixSecondsThenTheUser() {
        TurnCredential c = TurnCredential.issue(SECRET, "alice@bluemind.test", Instant.ofEpochSecond(1_700_000_000L));
        assertThat(c.username()).isEqualTo("1700000000:alice@bluemind.test");
        assertThat(c.expires()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
    }

    @Test
    void passwordIsBase64OfHmacSha1OfTheUsername() {
        // RFC 2202 test case 2: HMAC-SHA1("Jefe", "what do ya want for nothing?") = effcdf6ae5eb2fa2d27416d5f184df9c259a7c79
        assertThat(TurnCredential.hmacSha1Base64("Jefe".getBytes(StandardCharsets.UTF_8), "what do ya want for nothing?"))
                .isEqualTo("7/zfauXrL6LSdBbV8YTfnCWafHk=");
        // computed with: printf '%s' '1700000000:alice@bluemind.test' | openssl dgst -sha1 -hmac north -binary | base64
        TurnCredential c = TurnCredential.issue(SECRET, "alice@bluemind.test", Instant.ofEpochSecond(1_700_000_000L));
        assertThat(c.password()).isEqualTo(OPENSSL_PASSWORD);
    }

    @Test
    void subSecondExpiriesAreCutToTheSecondTheUsernameSays() {
        TurnCredential c = TurnCredential.issue(SECRET, "bob@bluemind.test", Instant.ofEpochSecond(1_700_000_000L, 999_000_000));
        assertThat(c.username()).startsWith("1700000000:");
        assertThat(c.expires()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
    }

    @Test
    void toStringNeverShowsThePassword() {
        TurnCredential c = TurnCredential.issue(SECRET, "alice@bluemind.test", Instant.ofEpochSecond(1_700_000_000L));
        assertThat(c.toString()).doesNotContain(c.password()).contains(c.username());
    }

    static final String OPENSSL_PASSWORD = "i3au5UYMcMwUAITzpzNIsr1+97s=";
}
