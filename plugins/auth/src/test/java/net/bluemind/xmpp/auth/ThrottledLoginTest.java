package net.bluemind.xmpp.auth;

import static net.bluemind.xmpp.auth.Logins.failed;
import static net.bluemind.xmpp.auth.Logins.plain;
import static net.bluemind.xmpp.auth.Logins.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import net.bluemind.xmpp.common.settings.Keys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Throttling through the whole engine: refused attempts never reach bm-core, others log in untouched. */
class ThrottledLoginTest {

    private static final SimulatedCore CORE = new SimulatedCore(Map.of(
            Keys.AUTH_THROTTLE_ACCOUNT_FAILURES.key(), "3",
            Keys.AUTH_THROTTLE_IP_FAILURES.key(), "6",
            Keys.AUTH_THROTTLE_DELAY.key(), "1s",
            Keys.AUTH_THROTTLE_LOCKOUT.key(), "15m"));
    private final ManualTicker ticker = new ManualTicker();
    private Authenticator auth;

    @BeforeEach
    void fresh() {
        CORE.sim.healthy();
        CORE.sim.resetCounters();
        auth = CORE.authenticator(ticker);
    }

    @AfterAll
    static void stop() {
        CORE.close();
    }

    private AuthOutcome login(String who, String password, String ip) {
        return auth.authenticate(plain("", who, password), "bluemind.test", ip);
    }

    @Test
    void aGuessedAccountIsLockedEvenForTheRightPasswordWhileOthersLogIn() {
        for (int i = 0; i < 3; i++) {
            failed(login("bob@bluemind.test", "guess" + i, "198.51.100." + i), SaslCondition.NOT_AUTHORIZED);
            ticker.advance(Duration.ofSeconds(6));
        }
        long calls = CORE.validateCalls();

        AuthOutcome.Failure locked = failed(login("bob@bluemind.test", "bob-pw", "203.0.113.7"),
                SaslCondition.NOT_AUTHORIZED);
        assertThat(locked.text()).contains("Too many failed logins");
        assertThat(CORE.validateCalls()).as("a locked account is not checked").isEqualTo(calls);

        assertThat(succeeded(login("alice@bluemind.test", "alice-pw", "198.51.100.0")).jid())
                .isEqualTo("alice@bluemind.test");

        ticker.advance(Duration.ofMinutes(16));
        succeeded(login("bob@bluemind.test", "bob-pw", "203.0.113.7"));
    }

    @Test
    void aRetryTooSoonAfterAFailureIsRefusedUnchecked() {
        failed(login("bob@bluemind.test", "typo", "198.51.100.1"), SaslCondition.NOT_AUTHORIZED);
        long calls = CORE.validateCalls();

        assertThat(failed(login("bob@bluemind.test", "bob-pw", "198.51.100.1"), SaslCondition.NOT_AUTHORIZED)
                .text()).contains("too soon");
        assertThat(CORE.validateCalls()).isEqualTo(calls);

        ticker.advance(Duration.ofMillis(1100));
        succeeded(login("bob@bluemind.test", "bob-pw", "198.51.100.1"));
    }

    @Test
    void anAddressSprayingAccountsIsLockedButOtherAddressesAreNot() {
        String attacker = "198.51.100.66";
        for (int i = 0; i < 6; i++) {
            failed(login("user" + i + "@bluemind.test", "x", attacker), SaslCondition.NOT_AUTHORIZED);
            ticker.advance(Duration.ofSeconds(6));
        }
        long calls = CORE.validateCalls();

        failed(login("alice@bluemind.test", "alice-pw", attacker), SaslCondition.NOT_AUTHORIZED);
        assertThat(CORE.validateCalls()).isEqualTo(calls);
        succeeded(login("alice@bluemind.test", "alice-pw", "198.51.100.67"));
    }

    @Test
    void rightPasswordsOnRefusedAccountsDoNotCountAsFailures() {
        for (int i = 0; i < 5; i++) {
            failed(login("carol@bluemind.test", "carol-pw", "198.51.100.5"), SaslCondition.ACCOUNT_DISABLED);
            failed(login("erin@bluemind.test", "erin-pw", "198.51.100.5"), SaslCondition.CREDENTIALS_EXPIRED);
        }
        assertThat(failed(login("carol@bluemind.test", "carol-pw", "198.51.100.5"), SaslCondition.ACCOUNT_DISABLED)
                .text()).isEqualTo("Instant messaging is not enabled for this account; ask your BlueMind administrator for the Instant messaging role");
    }

    /** BlueMind's web application logs in with a session token instead of a password: its failures count the same. */
    @Test
    void wrongAndExpiredSessionTokensCountAgainstTheSameThrottleAsWrongPasswords() {
        String expired = CORE.sim.sessionToken("bob@bluemind.test");
        CORE.sim.expireSessionToken(expired);
        failed(login("bob@bluemind.test", "sim-session-00000000-0000-0000-0000-000000000000", "198.51.100.8"),
                SaslCondition.NOT_AUTHORIZED);
        ticker.advance(Duration.ofSeconds(6));
        failed(login("bob@bluemind.test", expired, "198.51.100.8"), SaslCondition.NOT_AUTHORIZED);
        ticker.advance(Duration.ofSeconds(6));
        failed(login("bob@bluemind.test", "wrong-password", "198.51.100.8"), SaslCondition.NOT_AUTHORIZED);
        ticker.advance(Duration.ofSeconds(6));
        long calls = CORE.validateCalls();

        String valid = CORE.sim.sessionToken("bob@bluemind.test");
        assertThat(failed(login("bob@bluemind.test", valid, "203.0.113.9"), SaslCondition.NOT_AUTHORIZED).text())
                .as("a valid token of a locked account").contains("Too many failed logins");
        assertThat(failed(login("bob@bluemind.test", "bob-pw", "203.0.113.9"), SaslCondition.NOT_AUTHORIZED).text())
                .as("the right password of that account").contains("Too many failed logins");
        assertThat(CORE.validateCalls()).as("a locked account is not checked").isEqualTo(calls);

        ticker.advance(Duration.ofMinutes(16));
        assertThat(succeeded(login("bob@bluemind.test", valid, "203.0.113.9")).jid()).isEqualTo("bob@bluemind.test");
    }

    @Test
    void aTokenRetryTooSoonAfterAFailedTokenIsRefusedUnchecked() {
        failed(login("bob@bluemind.test", "sim-session-not-issued", "198.51.100.9"), SaslCondition.NOT_AUTHORIZED);
        String valid = CORE.sim.sessionToken("bob@bluemind.test");
        assertThat(failed(login("bob@bluemind.test", valid, "198.51.100.9"), SaslCondition.NOT_AUTHORIZED).text())
                .contains("too soon");
        ticker.advance(Duration.ofMillis(1100));
        succeeded(login("bob@bluemind.test", valid, "198.51.100.9"));
    }
}
