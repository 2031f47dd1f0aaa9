package net.bluemind.xmpp.auth;

import static net.bluemind.xmpp.auth.Logins.failed;
import static net.bluemind.xmpp.auth.Logins.login;
import static net.bluemind.xmpp.auth.Logins.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import net.bluemind.xmpp.auth.cache.CredentialCache;
import net.bluemind.xmpp.auth.fast.FastLogin;
import net.bluemind.xmpp.auth.fast.FastOutcome;
import net.bluemind.xmpp.auth.fast.FastRequest;
import net.bluemind.xmpp.auth.fast.FastTokens;
import net.bluemind.xmpp.auth.fast.HtSha256;
import net.bluemind.xmpp.auth.fast.IssuedToken;
import net.bluemind.xmpp.auth.fast.MemoryTokenStore;
import net.bluemind.xmpp.auth.throttle.Throttle;
import net.bluemind.xmpp.common.bus.BusEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A FAST login through the engine, next to password logins on the bm-core simulator: the token comes from a password
 * login, logging in with it asks bm-core nothing, a bad token counts in the password logins' throttle, and bus events
 * revoke it.
 */
class FastLoginTest {

    private static final SimulatedCore CORE = new SimulatedCore();
    private static final String AGENT = "7b1c-phone";

    private ManualTicker ticker;
    private Authenticator passwords;
    private FastTokens tokens;
    private FastLogin fast;
    private AuthEvictions evictions;

    @BeforeEach
    void engine() {
        ticker = new ManualTicker();
        AuthConfig config = AuthConfig.from(CORE.settings);
        Throttle throttle = new Throttle(config.throttle(), ticker);
        passwords = new Authenticator(CORE.client, config, new CredentialCache(config.cacheTtl(), config.cacheSize(), ticker),
                new IdentityResolver(CORE.client, config.cacheTtl(), config.cacheSize(), ticker), throttle);
        tokens = new FastTokens(new MemoryTokenStore(), config.fastTokenTtl(), Clock.systemUTC());
        fast = new FastLogin(tokens, throttle, config.defaultDomain());
        evictions = new AuthEvictions(passwords, tokens);
    }

    @AfterAll
    static void stop() {
        CORE.close();
    }

    private IssuedToken passwordLoginWithToken(String typed, String password) {
        AuthOutcome.Success s = succeeded(login(passwords, typed, password));
        return tokens.issue(s.login(), s.identity(), AGENT);
    }

    private FastOutcome fastLogin(String typed, String token, String agent) {
        return fast.authenticate(new FastRequest(message(typed, HtSha256.initiator(token)), "bluemind.test", Logins.IP,
                agent, true, null, false, false));
    }

    private static byte[] message(String typed, byte[] hmac) {
        byte[] name = typed.getBytes(StandardCharsets.UTF_8);
        byte[] m = new byte[name.length + 1 + hmac.length];
        System.arraycopy(name, 0, m, 0, name.length);
        System.arraycopy(hmac, 0, m, name.length + 1, hmac.length);
        return m;
    }

    private static FastOutcome.Accepted accepted(FastOutcome o) {
        assertThat(o).as("FAST outcome").isInstanceOf(FastOutcome.Accepted.class);
        return (FastOutcome.Accepted) o;
    }

    private static AuthOutcome.Failure refused(FastOutcome o) {
        assertThat(o).as("FAST outcome").isInstanceOf(FastOutcome.Refused.class);
        return ((FastOutcome.Refused) o).failure();
    }

    @Test
    void aTokenFromAPasswordLoginLogsInWithoutBmCore() {
        IssuedToken t = passwordLoginWithToken("alice@bluemind.test", "alice-pw");
        long before = CORE.sim.requests("/api/");
        for (int i = 0; i < 3; i++) {
            FastOutcome.Accepted a = accepted(fastLogin("alice@bluemind.test", t.token(), AGENT));
            assertThat(a.identity().jid()).isEqualTo("alice@bluemind.test");
            assertThat(a.responder()).isEqualTo(HtSha256.responder(t.token()));
        }
        assertThat(CORE.sim.requests("/api/")).as("bm-core requests for 3 FAST logins").isEqualTo(before);
    }

    @Test
    void theTokenIsBoundToTheLoginTypedAndItsClient() {
        IssuedToken t = passwordLoginWithToken("alice.liddell@corp.test", "alice-pw");
        FastOutcome.Accepted a = accepted(fastLogin("alice.liddell@corp.test", t.token(), AGENT));
        assertThat(a.identity().jid()).as("an alias login binds the user's JID").isEqualTo("alice@bluemind.test");
        ticker.advance(Duration.ofMinutes(1));
        refused(fastLogin("alice.liddell@corp.test", t.token(), "another-client"));
    }

    @Test
    void aBadTokenCountsAsAWrongPasswordInTheSameThrottle() {
        IssuedToken t = passwordLoginWithToken("bob@bluemind.test", "bob-pw");
        AuthOutcome.Failure f = refused(fastLogin("bob@bluemind.test", "guessed", AGENT));
        assertThat(f.condition()).isEqualTo(SaslCondition.NOT_AUTHORIZED);
        assertThat(f.text()).contains("Invalid or expired token");
        // at once, the right password and the right token are refused unchecked
        long before = CORE.validateCalls();
        assertThat(failed(login(passwords, "bob@bluemind.test", "bob-pw"), SaslCondition.NOT_AUTHORIZED).text())
                .contains("too soon");
        assertThat(refused(fastLogin("bob@bluemind.test", t.token(), AGENT)).text()).contains("too soon");
        assertThat(CORE.validateCalls()).isEqualTo(before);
        ticker.advance(Duration.ofSeconds(2));
        accepted(fastLogin("bob@bluemind.test", t.token(), AGENT));
    }

    @Test
    void busEventsRevokeTheUsersTokensAndAGenuineRevokedTokenDoesNotHoldBackThePassword() throws Exception {
        IssuedToken t = passwordLoginWithToken("frank@bluemind.test", "frank-pw");
        for (String operation : new String[] {"user.password.changed", "user.roles.changed", "user.deleted",
                "user.updated"}) {
            Thread.sleep(2);
            evictions.onEvent(new BusEvent(BusEvent.DIRECTORY, operation, Map.of("operation", operation,
                    "domain", "bluemind.test", "uid", "u-frank")));
            refused(fastLogin("frank@bluemind.test", t.token(), AGENT));
            Thread.sleep(2);
            t = passwordLoginWithToken("frank@bluemind.test", "frank-pw"); // no throttle delay after the refusal
            accepted(fastLogin("frank@bluemind.test", t.token(), AGENT));
        }
        evictions.onConnected(); // a bus reconnection keeps tokens (they live in the shared store)
        accepted(fastLogin("frank@bluemind.test", t.token(), AGENT));
    }

    @Test
    void malformedRequestsAreRefusedWithoutATokenLookup() {
        assertThat(refused(fast.authenticate(new FastRequest(new byte[] {1, 2, 3}, "bluemind.test", Logins.IP, AGENT,
                true, null, false, false))).condition()).isEqualTo(SaslCondition.MALFORMED_REQUEST);
        assertThat(refused(fast.authenticate(new FastRequest(message("alice", new byte[32]), "bluemind.test", Logins.IP,
                AGENT, false, null, false, false))).text()).as("no <fast/>").contains("<fast");
        assertThat(refused(fast.authenticate(new FastRequest(message("alice", new byte[32]), "bluemind.test", Logins.IP,
                null, true, null, false, false))).text()).as("no user-agent").contains("user-agent");
    }
}
