package net.bluemind.xmpp.auth.tigase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.sasl.SaslServer;
import net.bluemind.xmpp.auth.AuthConfig;
import net.bluemind.xmpp.auth.Authenticator;
import net.bluemind.xmpp.common.core.HttpCoreClient;
import net.bluemind.xmpp.common.settings.Keys;
import net.bluemind.xmpp.common.settings.Settings;
import net.bluemind.xmpp.testkit.core.BmCoreSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tigase.auth.XmppSaslException;

/** The SASL server Tigase drives, against the bm-core simulator: each outcome becomes its RFC 6120 condition. */
class BmPlainSaslServerTest {

    private static BmCoreSimulator sim;
    private static Settings settings;
    private Authenticator auth;
    private String seenDomain = "bluemind.test";
    private String seenIp = "192.0.2.44";

    @BeforeAll
    static void start() throws Exception {
        sim = BmCoreSimulator.start();
        settings = Settings.load(Map.of(Keys.CORE_URL.key(), sim.baseUrl().toString(),
                Keys.CORE_TOKEN_FILE.key(), sim.writeTokenFile(Files.createTempDirectory("bmx-auth")).toString(),
                Keys.CORE_READ_TIMEOUT.key(), "400ms"));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void realTigase() {
        RealTigase.assumeOnClasspath();
        sim.healthy();
        auth = new Authenticator(new HttpCoreClient(settings), AuthConfig.from(settings)); // no throttle history
    }

    private final CallbackHandler handler = callbacks -> {
        for (Callback c : callbacks) {
            if (!(c instanceof ConnectionCallback cc)) {
                throw new UnsupportedCallbackException(c);
            }
            cc.set(seenDomain, seenIp);
        }
    };

    private SaslServer server() {
        return new BmPlainSaslServer(auth, "bluemind.test", handler);
    }

    private static byte[] plain(String authzid, String authcid, String pw) {
        return (authzid + "\0" + authcid + "\0" + pw).getBytes(StandardCharsets.UTF_8);
    }

    private static void assertCondition(SaslServer ss, byte[] message, String condition, String text) {
        assertThatThrownBy(() -> ss.evaluateResponse(message)).isInstanceOfSatisfying(XmppSaslException.class,
                e -> {
                    assertThat(e.getSaslError().getElementName()).isEqualTo(condition);
                    assertThat(e.getMessage()).contains(text);
                });
    }

    @Test
    void successAuthorizesTheDefaultEmail() throws Exception {
        SaslServer ss = server();
        assertThat(ss.evaluateResponse(plain("", "alice.liddell@corp.test", "alice-pw"))).isNull();
        assertThat(ss.isComplete()).isTrue();
        assertThat(ss.getAuthorizationID()).isEqualTo("alice@bluemind.test");
        assertThat(ss.getMechanismName()).isEqualTo("PLAIN");
    }

    @Test
    void aBareNameUsesTheStreamDomainFromTheCallbackHandler() throws Exception {
        seenDomain = "acme.test";
        SaslServer ss = server();
        ss.evaluateResponse(plain("", "alice", "acme-alice-pw"));
        assertThat(ss.getAuthorizationID()).isEqualTo("alice@acme.test");
    }

    @Test
    void withoutInitialResponseAnEmptyChallengeComesFirst() throws Exception {
        SaslServer ss = server();
        assertThat(ss.evaluateResponse(new byte[0])).isEmpty();
        assertThat(ss.isComplete()).isFalse();
        ss.evaluateResponse(plain("", "bob@bluemind.test", "bob-pw"));
        assertThat(ss.getAuthorizationID()).isEqualTo("bob@bluemind.test");
    }

    @Test
    void everyRefusalCarriesItsCondition() throws Exception {
        assertCondition(server(), plain("", "frank@bluemind.test", "wrong"), "not-authorized", "Invalid login");
        assertCondition(server(), plain("", "erin@bluemind.test", "erin-pw"), "credentials-expired", "expired");
        assertCondition(server(), plain("", "dave@bluemind.test", "dave-pw"), "account-disabled", "archived");
        assertCondition(server(), plain("", "carol@bluemind.test", "carol-pw"), "account-disabled",
                "Instant messaging is not enabled for this account; ask your BlueMind administrator for the Instant messaging role");
        assertCondition(server(), plain("bob@bluemind.test", "grace@acme.test", "grace-pw"), "invalid-authzid",
                "may not act as");
        assertCondition(server(), "\0only-one-nul".getBytes(StandardCharsets.UTF_8), "malformed-request",
                "NUL");
        SaslServer twice = server();
        twice.evaluateResponse(new byte[0]);
        assertCondition(twice, new byte[0], "malformed-request", "empty");
    }

    @Test
    void bmCoreDownIsATemporaryFailure() {
        sim.goAway();
        assertCondition(server(), plain("", "grace@acme.test", "grace-pw-not-cached"), "temporary-auth-failure",
                "unavailable");
    }

    @Test
    void withoutAnEngineEveryAttemptIsATemporaryFailure() {
        assertCondition(new BmPlainSaslServer(null, "bluemind.test", handler), plain("", "a@b.c", "x"),
                "temporary-auth-failure", "not available");
    }

    @Test
    void aForeignCallbackHandlerStillLogsInWithTheServerName() throws Exception {
        SaslServer ss = new BmPlainSaslServer(auth, "bluemind.test", callbacks -> {
            throw new UnsupportedCallbackException(callbacks[0]);
        });
        ss.evaluateResponse(plain("", "frank", "frank-pw"));
        assertThat(ss.getAuthorizationID()).isEqualTo("frank@bluemind.test");
    }

    @Test
    void theFactoryOffersPlainAndTheFastMechanism() {
        // HT-SHA-256-NONE is accepted but never listed to clients (BmMechanismSelector, UnlistedMechanismsTest)
        assertThat(new BmSaslServerFactory().getMechanismNames(Map.of())).containsExactly("PLAIN", "HT-SHA-256-NONE");
    }

    @Test
    void theFastMechanismWithoutSasl2sFastElementIsRefused() {
        SaslServer ss = new BmHtSaslServer(new net.bluemind.xmpp.auth.fast.FastLogin(
                new net.bluemind.xmpp.auth.fast.FastTokens(new net.bluemind.xmpp.auth.fast.MemoryTokenStore(),
                        java.time.Duration.ofDays(1), java.time.Clock.systemUTC()),
                new net.bluemind.xmpp.auth.throttle.Throttle(new net.bluemind.xmpp.auth.throttle.ThrottleLimits(5, 20,
                        java.time.Duration.ofMinutes(5), java.time.Duration.ofSeconds(1), java.time.Duration.ofMinutes(15)),
                        com.github.benmanes.caffeine.cache.Ticker.systemTicker()), ""), "bluemind.test", handler);
        assertThatThrownBy(() -> ss.evaluateResponse(new byte[40])).isInstanceOf(XmppSaslException.class)
                .hasMessageContaining("<fast");
    }
}
