package net.bluemind.xmpp.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.bluemind.xmpp.common.settings.Keys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Property-style: thousands of generated malformed PLAIN messages, each breaking one rule of RFC 4616 in a
 * random way, all end in malformed-request, and bm-core never hears of any of them.
 */
class GarbageLoginTest {

    private static final SimulatedCore CORE = new SimulatedCore(Map.of(
            Keys.AUTH_THROTTLE_IP_FAILURES.key(), "100000"));
    private static final long SEED = Long.getLong("garbage.seed", 20_261_122L);

    @AfterAll
    static void stop() {
        CORE.close();
    }

    @Test
    void malformedMessagesGetMalformedRequestAndNeverReachBmCore() {
        Authenticator auth = CORE.authenticator(new ManualTicker());
        Random random = new Random(SEED);
        CORE.sim.resetCounters();
        List<String> rules = new ArrayList<>();

        for (int i = 0; i < 3000; i++) {
            int rule = random.nextInt(7);
            byte[] message = malformed(rule, random);
            AuthOutcome o = auth.authenticate(message, "bluemind.test", "192.0.2.1");
            assertThat(o).as("rule %d, seed %d, case %d", rule, SEED, i).isInstanceOf(AuthOutcome.Failure.class);
            assertThat(((AuthOutcome.Failure) o).condition()).as("rule %d, case %d", rule, i)
                    .isEqualTo(SaslCondition.MALFORMED_REQUEST);
            rules.add("rule" + rule);
        }
        assertThat(rules).contains("rule0", "rule1", "rule2", "rule3", "rule4", "rule5", "rule6");
        assertThat(CORE.sim.requests("/api/")).as("requests that reached bm-core").isZero();
    }

    @Test
    void randomBytesNeverCrashAndOnlyWellFormedOnesAreChecked() {
        Authenticator auth = CORE.authenticator(new ManualTicker());
        Random random = new Random(SEED + 1);
        CORE.sim.resetCounters();
        int wellFormed = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] message = new byte[random.nextInt(40)];
            random.nextBytes(message);
            for (int k = 0; k < message.length; k++) {
                if (random.nextInt(6) == 0) {
                    message[k] = 0;
                }
            }
            AuthOutcome o = auth.authenticate(message, "bluemind.test", "192.0.2.2");
            assertThat(o).isNotNull();
            assertThat(o.succeeded()).isFalse();
            try {
                PlainMessage.parse(message);
                wellFormed++;
            } catch (MalformedPlainException expected) {
                assertThat(((AuthOutcome.Failure) o).condition()).isEqualTo(SaslCondition.MALFORMED_REQUEST);
            }
        }
        assertThat(CORE.validateCalls()).isLessThanOrEqualTo(wellFormed);
    }

    /** A message breaking one rule: 0 NUL count, 1 empty authcid, 2 empty password, 3 invalid UTF-8, 4 huge field, 5 NUL in password, 6 empty. */
    private static byte[] malformed(int rule, Random r) {
        String authzid = r.nextBoolean() ? "" : word(r);
        String authcid = word(r) + (r.nextBoolean() ? "@bluemind.test" : "");
        String password = word(r);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (rule) {
            case 0 -> { // not exactly two NULs
                String[] parts = {authzid, authcid, password};
                int nuls = r.nextBoolean() ? r.nextInt(2) : 3 + r.nextInt(5);
                write(out, parts[0]);
                for (int n = 0; n < nuls; n++) {
                    out.write(0);
                    write(out, n < 2 ? parts[n + 1] : word(r));
                }
            }
            case 1 -> write3(out, authzid, "", password);
            case 2 -> write3(out, authzid, authcid, "");
            case 3 -> { // an invalid UTF-8 sequence in one of the parts
                byte[][] bad = {{(byte) 0xC3}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xB0,
                        (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}};
                int where = r.nextInt(3);
                byte[] b = bad[r.nextInt(bad.length)];
                write(out, authzid);
                if (where == 0) {
                    out.writeBytes(b);
                }
                out.write(0);
                write(out, authcid);
                if (where == 1) {
                    out.writeBytes(b);
                }
                out.write(0);
                if (where == 2) {
                    out.writeBytes(b);
                }
                write(out, password);
            }
            case 4 -> { // one part over the limit
                String huge = "x".repeat(PlainMessage.MAX_FIELD_BYTES + 1 + r.nextInt(5000));
                int where = r.nextInt(3);
                write3(out, where == 0 ? huge : authzid, where == 1 ? huge : authcid, where == 2 ? huge : password);
            }
            case 5 -> write3(out, authzid, authcid, password + "\0" + word(r)); // NUL inside the password
            default -> {
                // empty message
            }
        }
        return out.toByteArray();
    }

    private static String word(Random r) {
        StringBuilder b = new StringBuilder();
        int n = 1 + r.nextInt(20);
        for (int i = 0; i < n; i++) {
            b.append((char) ('a' + r.nextInt(26)));
        }
        return b.toString();
    }

    private static void write3(ByteArrayOutputStream out, String a, String b, String c) {
        write(out, a);
        out.write(0);
        write(out, b);
        out.write(0);
        write(out, c);
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
