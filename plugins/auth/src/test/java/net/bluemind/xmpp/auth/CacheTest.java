package net.bluemind.xmpp.auth;

import static net.bluemind.xmpp.auth.Logins.failed;
import static net.bluemind.xmpp.auth.Logins.login;
import static net.bluemind.xmpp.auth.Logins.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import net.bluemind.xmpp.common.bus.BusEvent;
import net.bluemind.xmpp.common.settings.Keys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cached verifications: hits without bm-core, TTL, per-user eviction by bus events, offline login. */
class CacheTest {

    private static final SimulatedCore CORE = new SimulatedCore(Map.of(Keys.AUTH_CACHE_TTL.key(), "10m"));
    private final ManualTicker ticker = new ManualTicker();
    private Authenticator auth;
    private AuthEvictions evictions;

    @BeforeEach
    void fresh() {
        CORE.sim.healthy();
        CORE.sim.setPassword("frank@bluemind.test", "frank-pw");
        CORE.sim.setRoles("frank@bluemind.test", "hasIM");
        CORE.sim.resetCounters();
        auth = CORE.authenticator(ticker);
        evictions = new AuthEvictions(auth);
    }

    @AfterAll
    static void stop() {
        CORE.close();
    }

    private static BusEvent event(String operation, String uid) {
        return new BusEvent(BusEvent.DIRECTORY, operation, Map.of("operation", operation, "domain", "bluemind.test",
                "uid", uid));
    }

    @Test
    void aRepeatedLoginIsAnsweredWithoutBmCore() {
        succeeded(login(auth, "frank@bluemind.test", "frank-pw"));
        long afterFirst = CORE.sim.requests("/api/");

        for (int i = 0; i < 5; i++) {
            AuthOutcome.Success s = succeeded(login(auth, "frank@bluemind.test", "frank-pw"));
            assertThat(s.source()).isEqualTo(AuthOutcome.Source.CACHE);
            assertThat(s.jid()).isEqualTo("frank@bluemind.test");
        }
        assertThat(CORE.sim.requests("/api/")).isEqualTo(afterFirst);
        assertThat(CORE.validateCalls()).isEqualTo(1);
    }

    @Test
    void aDomainIsLookedUpOnceForTheFirstLoginsOfAllItsUsers() {
        CORE.sim.addUser("gina@bluemind.test", "gina-pw", "hasIM");
        succeeded(login(auth, "frank@bluemind.test", "frank-pw"));
        succeeded(login(auth, "gina@bluemind.test", "gina-pw"));
        assertThat(CORE.sim.requests("/api/domains/_lookup")).isEqualTo(1);
        assertThat(CORE.sim.requests("/api/users/")).as("byEmail and roles_resolved of each").isEqualTo(4);
        assertThat(CORE.validateCalls()).isEqualTo(2);
    }

    @Test
    void aDifferentPasswordIsNeverAnsweredByTheCache() {
        succeeded(login(auth, "frank@bluemind.test", "frank-pw"));

        failed(login(auth, "frank@bluemind.test", "frank-pw2"), SaslCondition.NOT_AUTHORIZED);
        assertThat(CORE.validateCalls()).isEqualTo(2);
    }

    @Test
    void aColdLoginOfAKnownIdentityCostsOneValidate() {
        succeeded(login(auth, "frank@bluemind.test", "frank-pw"));
        CORE.sim.resetCounters();
        CORE.sim.setPassword("frank@bluemind.test", "new-pw"); // no event: the identity stays cached

        succeeded(login(auth, "frank@bluemind.test", "new-pw"));
        assertThat(CORE.sim.requests("/api/")).isEqualTo(1);
    }

    @Test
    void entriesExpireAfterTheTtl() {
        succeeded(login(auth, "frank@bluemind.test", "frank-pw"));
        ticker.advance(Duration.ofMinutes(11));

        assertThat(succeeded(login(auth, "frank@bluemind.test", "frank-pw")).source())
                .isEqualTo(AuthOutcome.Source.CORE);
        assertThat(CORE.validateCalls()).isEqualTo(2);
    }

    @Test
    void passwordChangedEventDropsTheOldPassword() {
        succeeded(login(auth, "frank@bluemind.test", "frank-pw"));
        CORE.sim.setPassword("frank@bluemind.test", "changed-pw");

        evictions.onEvent(event("user.password.changed", "u-frank"));

        failed(login(auth, "frank@bluemind.test", "frank-pw"), SaslCondition.NOT_AUTHORIZED);
        ticker.advance(Duration.ofSeconds(2)); // past the cool-down of that failure
        succeeded(login(auth, "frank@bluemind.test", "changed-pw"));
    }

    @Test
    void rolesChangedEventTakesImAwayAtOnce() {
        succeeded(login(auth, "frank@bluemind.test", "frank-pw"));
        CORE.sim.setRoles("frank@bluemind.test", "hasMail");

        evictions.onEvent(event("user.roles.changed", "u-frank"));

        assertThat(failed(login(auth, "frank@bluemind.test", "frank-pw"), SaslCondition.ACCOUNT_DISABLED).text())
                .isEqualTo("Instant messaging is not enabled for this account; ask your BlueMind administrator for the Instant messaging role");
    }

    @Test
    void userDeletedEventDropsEveryAddressOfTheUser() {
        succeeded(login(auth, "alice@bluemind.test", "alice-pw"));
        succeeded(login(auth, "alice@corp.test", "alice-pw"));
        succeeded(login(auth, "frank@bluemind.test", "frank-pw"));
        CORE.sim.resetCounters();

        evictions.onEvent(event("user.deleted", "u-alice"));

        assertThat(succeeded(login(auth, "alice@bluemind.test", "alice-pw")).source())
                .isEqualTo(AuthOutcome.Source.CORE);
        assertThat(succeeded(login(auth, "alice@corp.test", "alice-pw")).source()).isEqualTo(AuthOutcome.Source.CORE);
        assertThat(succeeded(login(auth, "frank@bluemind.test", "frank-pw")).source())
                .isEqualTo(AuthOutcome.Source.CACHE);
    }

    @Test
    void unrelatedOrIncompleteEventsEvictNothing() {
        succeeded(login(auth, "frank@bluemind.test", "frank-pw"));

        evictions.onEvent(event("user.photo.updated", "u-frank"));
        evictions.onEvent(new BusEvent(BusEvent.SYSTEM, "user.deleted", Map.of("uid", "u-frank")));
        evictions.onEvent(new BusEvent(BusEvent.DIRECTORY, "user.deleted", Map.of("domain", "bluemind.test")));
        evictions.onEvent(event("user.deleted", "u-someone-else"));

        assertThat(succeeded(login(auth, "frank@bluemind.test", "frank-pw")).source())
                .isEqualTo(AuthOutcome.Source.CACHE);
    }

    @Test
    void aBusReconnectionDropsEverything() {
        succeeded(login(auth, "frank@bluemind.test", "frank-pw"));

        evictions.onConnected();

        assertThat(succeeded(login(auth, "frank@bluemind.test", "frank-pw")).source())
                .isEqualTo(AuthOutcome.Source.CORE);
    }

    @Test
    void whileBmCoreIsDownACachedUserLogsInAndOthersGetTemporaryFailure() {
        succeeded(login(auth, "frank@bluemind.test", "frank-pw"));
        CORE.sim.goAway();

        failed(login(auth, "bob@bluemind.test", "bob-pw"), SaslCondition.TEMPORARY_AUTH_FAILURE);
        assertThat(succeeded(login(auth, "frank@bluemind.test", "frank-pw")).source())
                .isEqualTo(AuthOutcome.Source.OFFLINE);
        failed(login(auth, "frank@bluemind.test", "not-the-cached-one"), SaslCondition.TEMPORARY_AUTH_FAILURE);

        ticker.advance(Duration.ofMinutes(11)); // the entry is no longer valid
        failed(login(auth, "frank@bluemind.test", "frank-pw"), SaslCondition.TEMPORARY_AUTH_FAILURE);
    }

    @Test
    void offlineLoginCanBeTurnedOff() {
        Authenticator strict = new Authenticator(CORE.client,
                AuthConfig.from(CORE.settings.with(Keys.AUTH_OFFLINE_LOGIN, "false")), ticker);
        succeeded(login(strict, "frank@bluemind.test", "frank-pw"));
        CORE.sim.goAway();
        failed(login(strict, "bob@bluemind.test", "bob-pw"), SaslCondition.TEMPORARY_AUTH_FAILURE);

        failed(login(strict, "frank@bluemind.test", "frank-pw"), SaslCondition.TEMPORARY_AUTH_FAILURE);

        CORE.sim.comeBack();
        assertThat(succeeded(login(strict, "frank@bluemind.test", "frank-pw")).source())
                .isEqualTo(AuthOutcome.Source.CORE);
    }
}
