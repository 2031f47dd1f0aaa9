package net.bluemind.xmpp.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlainMessageTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void parsesTheThreeParts() throws Exception {
        assertThat(PlainMessage.parse(bytes("\0alice@bluemind.test\0s3cr\u00e9t")))
                .isEqualTo(new PlainMessage("", "alice@bluemind.test", "s3cr\u00e9t"));
        assertThat(PlainMessage.parse(bytes("admin@x\0alice\0pw")))
                .isEqualTo(new PlainMessage("admin@x", "alice", "pw"));
    }

    @Test
    void acceptsTheAwkwardPasswordsOfTheFixture() throws Exception {
        assertThat(PlainMessage.parse(bytes("\0zoe@bluemind.test\0zo\u00eb-<&>\"'-pw")).password())
                .isEqualTo("zo\u00eb-<&>\"'-pw");
        String longest = "p".repeat(PlainMessage.MAX_FIELD_BYTES);
        assertThat(PlainMessage.parse(bytes("\0u\0" + longest)).password()).isEqualTo(longest);
    }

    @Test
    void refusesWhatRfc4616Forbids() {
        assertMalformed(new byte[0], "empty");
        assertMalformed(bytes("alice@bluemind.test"), "found 0");
        assertMalformed(bytes("alice\0pw"), "found 1");
        assertMalformed(bytes("\0alice\0pass\0word"), "found 3");
        assertMalformed(bytes("\0\0pw"), "authentication identity is empty");
        assertMalformed(bytes("\0alice\0"), "password is empty");
        assertMalformed(bytes("\0alice\0" + "p".repeat(PlainMessage.MAX_FIELD_BYTES + 1)), "longer than");
        assertMalformed(bytes("\0" + "a".repeat(2000) + "\0pw"), "longer than");
        assertMalformed(bytes("\0alice\0" + "p".repeat(4000)), "too long");
        assertMalformed(new byte[] {0, 'a', 0, (byte) 0xC3, (byte) 0x28}, "password is not valid UTF-8");
        assertMalformed(new byte[] {0, (byte) 0xFF, 'a', 0, 'p'}, "authentication identity is not valid UTF-8");
        assertMalformed(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80, 0, 'a', 0, 'p'},
                "authorization identity is not valid UTF-8"); // an encoded surrogate
        assertMalformed(new byte[] {0, 'a', 0, (byte) 0xC0, (byte) 0x80}, "not valid UTF-8"); // overlong NUL
    }

    @Test
    void neverPrintsThePassword() throws Exception {
        assertThat(PlainMessage.parse(bytes("\0alice\0hunter2")).toString()).doesNotContain("hunter2");
    }

    private static void assertMalformed(byte[] message, String why) {
        assertThatThrownBy(() -> PlainMessage.parse(message)).isInstanceOf(MalformedPlainException.class)
                .hasMessageContaining(why);
    }
}
