package net.bluemind.xmpp.auth;

import static net.bluemind.xmpp.auth.Logins.login;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import net.bluemind.xmpp.testkit.core.BmCoreSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * bm-core behind a proxy that closes kept-alive connections: every login forced to the core (nothing cached)
 * still succeeds (the stand-in of issue 14 failed 4 of 8).
 */
class KeepAliveLoginTest {

    private static final SimulatedCore CORE = new SimulatedCore();
    private final ManualTicker ticker = new ManualTicker();

    @BeforeEach
    void fresh() {
        CORE.sim.healthy();
        CORE.sim.resetCounters();
    }

    @AfterAll
    static void stop() {
        CORE.close();
    }

    private void eightLoginsSucceedWhile(Consumer<BmCoreSimulator> closing, boolean eachValidatedOnce) {
        closing.accept(CORE.sim);
        int succeeded = 0;
        for (int i = 0; i < 8; i++) {
            Authenticator auth = CORE.authenticator(ticker); // nothing cached: each login goes to the core
            if (login(auth, i % 2 == 0 ? "bob@bluemind.test" : "alice@bluemind.test", i % 2 == 0 ? "bob-pw" : "alice-pw")
                    instanceof AuthOutcome.Success) {
                succeeded++;
            }
        }
        assertThat(succeeded).as("logins forced to the core that succeeded").isEqualTo(8);
        if (eachValidatedOnce) {
            assertThat(CORE.validateCalls()).as("each validated once").isEqualTo(8);
        } else { // a request racing with the close may reach the core before it is cut, and is sent again
            assertThat(CORE.validateCalls()).as("validate calls").isBetween(8L, 16L);
        }
        assertThat(CORE.sim.droppedConnections()).as("connections closed by the core").isPositive();
    }

    @Test
    void aConnectionClosedWhenItIsReused() {
        eightLoginsSucceedWhile(BmCoreSimulator::closeReusedConnections, true);
    }

    @Test
    void aConnectionClosedRightAfterEachAnswer() {
        eightLoginsSucceedWhile(BmCoreSimulator::closeAfterEachAnswer, false);
    }
}
