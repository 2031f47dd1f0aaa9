package net.bluemind.xmpp.auth;

import static net.bluemind.xmpp.auth.Logins.failed;
import static net.bluemind.xmpp.auth.Logins.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A BlueMind session token is a bearer credential: no log record of the engine (at any level, with its
 * parameters and exception) carries it, whether the login succeeds, fails, or bm-core misbehaves.
 */
class TokenNeverLoggedTest {

    private final SimulatedCore core = new SimulatedCore();
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("net.bluemind");
    private Level previous;
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            StringBuilder b = new StringBuilder(String.valueOf(r.getMessage()));
            if (r.getParameters() != null) {
                for (Object p : r.getParameters()) {
                    b.append(' ').append(p);
                }
            }
            for (Throwable t = r.getThrown(); t != null; t = t.getCause()) {
                b.append(' ').append(t);
            }
            logged.add(b.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        previous = root.getLevel();
        root.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @AfterEach
    void stop() {
        root.removeHandler(capture);
        root.setLevel(previous);
        core.close();
    }

    @Test
    void noLogRecordCarriesTheToken() {
        Authenticator auth = core.authenticator(new ManualTicker());
        String token = core.sim.sessionToken("alice@bluemind.test");
        succeeded(Logins.login(auth, "alice@bluemind.test", token));

        String expired = core.sim.sessionToken("alice@bluemind.test");
        core.sim.expireSessionToken(expired);
        failed(Logins.login(auth, "alice@bluemind.test", expired), SaslCondition.NOT_AUTHORIZED);

        core.sim.failWith(500);
        failed(Logins.login(auth, "bob@bluemind.test", core.sim.sessionToken("bob@bluemind.test")),
                SaslCondition.TEMPORARY_AUTH_FAILURE);
        core.sim.healthy();
        core.sim.garbage();
        String garbled = core.sim.sessionToken("bob@bluemind.test");
        failed(Logins.login(auth, "bob@bluemind.test", garbled), SaslCondition.TEMPORARY_AUTH_FAILURE);
        core.sim.healthy();
        core.sim.goAway();
        String unreachable = core.sim.sessionToken("frank@bluemind.test");
        failed(Logins.login(auth, "frank@bluemind.test", unreachable), SaslCondition.TEMPORARY_AUTH_FAILURE);

        assertThat(logged).as("the engine logged something about these logins").isNotEmpty();
        for (String t : List.of(token, expired, garbled, unreachable)) {
            assertThat(logged).noneMatch(line -> line.contains(t));
            assertThat(logged).noneMatch(line -> line.contains(t.substring("sim-session-".length())));
        }
    }
}
