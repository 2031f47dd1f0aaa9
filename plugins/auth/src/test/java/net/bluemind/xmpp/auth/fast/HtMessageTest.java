package net.bluemind.xmpp.auth.fast;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HtMessageTest {

    static byte[] message(String name, byte[] hmac) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        byte[] m = new byte[n.length + 1 + hmac.length];
        System.arraycopy(n, 0, m, 0, n.length);
        System.arraycopy(hmac, 0, m, n.length + 1, hmac.length);
        return m;
    }

    @Test
    void theNameEndsAtTheFirstNulAndTheHmacMayContainNuls() {
        byte[] hmac = new byte[32]; // all NUL
        HtMessage m = HtMessage.parse(message("élise@bluemind.test", hmac)).orElseThrow();
        assertThat(m.authcid()).isEqualTo("élise@bluemind.test");
        assertThat(m.initiator()).isEqualTo(hmac);
    }

    @Test
    void malformedMessagesAreEmpty() {
        assertThat(HtMessage.parse(null)).isEmpty();
        assertThat(HtMessage.parse(new byte[0])).isEmpty();
        assertThat(HtMessage.parse(message("", new byte[32]))).as("no name").isEmpty();
        assertThat(HtMessage.parse(message("a", new byte[31]))).as("short HMAC").isEmpty();
        assertThat(HtMessage.parse(message("a", new byte[33]))).as("long HMAC").isEmpty();
        assertThat(HtMessage.parse("no-nul-at-all".getBytes(StandardCharsets.UTF_8))).isEmpty();
        byte[] badUtf8 = new byte[34];
        badUtf8[0] = (byte) 0xC3; // a lead byte with no continuation, then NUL and 32 bytes
        assertThat(HtMessage.parse(badUtf8)).as("invalid UTF-8").isEmpty();
    }

    @Test
    void theHmacsAreHmacSha256OfTheTokenOverTheTwoLabels() {
        // printf Initiator | openssl dgst -sha256 -hmac token; the same with Responder
        assertThat(HexFormat.of().formatHex(HtSha256.initiator("token")))
                .isEqualTo("d24d95482f0d6e035c56e787dac4ed832bdd84ee3ea242aaadd982270c330006");
        assertThat(HexFormat.of().formatHex(HtSha256.responder("token")))
                .isEqualTo("3f7cfbe081b3e9ea2aaa3561180a60932290ae9a2b155327d03ba819fffe0ab6");
    }
}
