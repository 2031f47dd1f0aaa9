package net.bluemind.xmpp.auth;

import static net.bluemind.xmpp.auth.Logins.failed;
import static net.bluemind.xmpp.auth.Logins.login;
import static net.bluemind.xmpp.auth.Logins.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Consumer;
import net.bluemind.xmpp.testkit.core.BmCoreSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** bm-core down, slow, failing or talking nonsense: temporary-auth-failure, never not-authorized. */
class CoreFailuresTest {

    private static final SimulatedCore CORE = new SimulatedCore();
    private final ManualTicker ticker = new ManualTicker();

    @BeforeEach
    void fresh() {
        CORE.sim.healthy();
    }

    @AfterAll
    static void stop() {
        CORE.close();
    }

    private void assertTemporaryWhile(Consumer<BmCoreSimulator> breakIt) {
        Authenticator auth = CORE.authenticator(ticker); // nothing cached
        breakIt.accept(CORE.sim);
        try {
            // more attempts than any throttle limit: core trouble must never lock anyone out
            for (int i = 0; i < 8; i++) {
                AuthOutcome.Failure f = failed(login(auth, "bob@bluemind.test", "bob-pw"),
                        SaslCondition.TEMPORARY_AUTH_FAILURE);
                assertThat(f.text()).contains("unavailable");
            }
            failed(login(auth, "bob@bluemind.test", "wrong"), SaslCondition.TEMPORARY_AUTH_FAILURE);
        } finally {
            CORE.sim.healthy();
        }
        succeeded(login(auth, "bob@bluemind.test", "bob-pw"));
    }

    @Test
    void coreGone() {
        assertTemporaryWhile(BmCoreSimulator::goAway);
    }

    @Test
    void coreSlowerThanTheReadTimeout() {
        assertTemporaryWhile(s -> s.slow(Duration.ofMillis(2500)));
    }

    @Test
    void coreAnswering5xx() {
        assertTemporaryWhile(s -> s.failWith(503));
        assertTemporaryWhile(s -> s.failWith(500));
    }

    @Test
    void coreAnsweringGarbage() {
        assertTemporaryWhile(BmCoreSimulator::garbage);
    }

    @Test
    void coreRefusingOurApiToken() {
        assertTemporaryWhile(s -> s.failWith(401));
    }
}
