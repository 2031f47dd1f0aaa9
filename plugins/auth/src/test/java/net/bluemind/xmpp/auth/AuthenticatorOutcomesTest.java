package net.bluemind.xmpp.auth;

import static net.bluemind.xmpp.auth.Logins.IP;
import static net.bluemind.xmpp.auth.Logins.failed;
import static net.bluemind.xmpp.auth.Logins.login;
import static net.bluemind.xmpp.auth.Logins.plain;
import static net.bluemind.xmpp.auth.Logins.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.bluemind.xmpp.common.settings.Keys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every outcome of a login, decided against the bm-core simulator over real HTTP. */
class AuthenticatorOutcomesTest {

    private static final SimulatedCore CORE = new SimulatedCore(Map.of(Keys.DEFAULT_DOMAIN.key(), "acme.test"));
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

    @Test
    void passwordLogsInAsTheDefaultEmailAskingBmCoreWithOurOrigin() {
        AuthOutcome.Success s = succeeded(login(auth, "alice@bluemind.test", "alice-pw"));

        assertThat(s.jid()).isEqualTo("alice@bluemind.test");
        assertThat(s.identity().uid()).isEqualTo("u-alice");
        assertThat(s.source()).isEqualTo(AuthOutcome.Source.CORE);
        assertThat(CORE.validateCalls()).isEqualTo(1);
        assertThat(CORE.sim.lastOrigin()).isEqualTo("bm-xmpp");
    }

    @Test
    void anyAddressAliasOrDomainAliasBindsTheDefaultEmail() {
        for (String typed : new String[] {"a.liddell@bluemind.test", "alice.liddell@corp.test", "alice@bm.test",
                "alice@corp.test", "ALICE@BlueMind.Test"}) {
            assertThat(succeeded(login(auth, typed, "alice-pw")).jid()).as(typed).isEqualTo("alice@bluemind.test");
        }
    }

    @Test
    void aBareLocalPartTakesTheConnectionDomainElseTheDefaultDomain() {
        assertThat(succeeded(auth.authenticate(plain("", "alice", "alice-pw"), "bluemind.test", IP)).jid())
                .isEqualTo("alice@bluemind.test");
        assertThat(succeeded(auth.authenticate(plain("", "alice", "acme-alice-pw"), "acme.test", IP)).jid())
                .isEqualTo("alice@acme.test");
        assertThat(succeeded(auth.authenticate(plain("", "grace", "grace-pw"), null, IP)).jid())
                .isEqualTo("grace@acme.test");
    }

    @Test
    void aSessionTokenLogsInAndIsCheckedByBmCoreEveryTime() {
        String token = CORE.sim.sessionToken("bob@bluemind.test");

        assertThat(succeeded(login(auth, "bob@bluemind.test", token)).jid()).isEqualTo("bob@bluemind.test");
        assertThat(succeeded(login(auth, "bob@bluemind.test", token)).source()).isEqualTo(AuthOutcome.Source.CORE);
        assertThat(CORE.validateCalls()).isEqualTo(2);
    }

    @Test
    void wrongPasswordAndUnknownUserAreNotAuthorized() {
        failed(login(auth, "alice@bluemind.test", "nope"), SaslCondition.NOT_AUTHORIZED);
        failed(login(auth, "nobody@bluemind.test", "whatever"), SaslCondition.NOT_AUTHORIZED);
        failed(login(auth, "alice@unknown-domain.test", "alice-pw"), SaslCondition.NOT_AUTHORIZED);
    }

    @Test
    void expiredPasswordGivesCredentialsExpired() {
        failed(login(auth, "erin@bluemind.test", "erin-pw"), SaslCondition.CREDENTIALS_EXPIRED);
    }

    @Test
    void archivedAccountGivesAccountDisabled() {
        failed(login(auth, "dave@bluemind.test", "dave-pw"), SaslCondition.ACCOUNT_DISABLED);
    }

    @Test
    void withoutTheImRoleTheTextSaysImIsNotEnabled() {
        AuthOutcome.Failure f = failed(login(auth, "carol@bluemind.test", "carol-pw"), SaslCondition.ACCOUNT_DISABLED);
        assertThat(f.text()).isEqualTo("Instant messaging is not enabled for this account; ask your BlueMind administrator for the Instant messaging role");
    }

    @Test
    void systemUsersAndTheAdminDomainNeverLogIn() {
        failed(login(auth, "bmhiddensysadmin@bluemind.test", "sys-pw"), SaslCondition.NOT_AUTHORIZED);
        failed(auth.authenticate(plain("", "admin0@global.virt", "admin-secret"), "global.virt", IP),
                SaslCondition.NOT_AUTHORIZED);
    }

    @Test
    void anAuthzidOtherThanTheUserIsRefused() {
        failed(auth.authenticate(plain("bob@bluemind.test", "alice@bluemind.test", "alice-pw"), "bluemind.test", IP),
                SaslCondition.INVALID_AUTHZID);
        ticker.advance(java.time.Duration.ofSeconds(2)); // past the cool-down the first refusal started
        failed(auth.authenticate(plain("alice@acme.test", "alice", "alice-pw"), "bluemind.test", IP),
                SaslCondition.INVALID_AUTHZID);
    }

    @Test
    void anAuthzidNamingTheUserItselfIsAccepted() {
        succeeded(auth.authenticate(plain("alice@bluemind.test", "a.liddell@bluemind.test", "alice-pw"),
                "bluemind.test", IP));
        succeeded(auth.authenticate(plain("a.liddell@bluemind.test", "a.liddell@bluemind.test", "alice-pw"),
                "bluemind.test", IP));
    }

    @Test
    void anImpossibleLoginNameNeverReachesBmCore() {
        failed(auth.authenticate(plain("", "alice", "alice-pw"), null, IP), SaslCondition.NOT_AUTHORIZED);
        AuthOutcome noDomain = new Authenticator(CORE.client, AuthConfig.from(CORE.settings
                .with(Keys.DEFAULT_DOMAIN, "")), ticker).authenticate(plain("", "alice", "alice-pw"), null, IP);
        failed(noDomain, SaslCondition.NOT_AUTHORIZED);
        failed(login(auth, "al ice@bluemind.test", "alice-pw"), SaslCondition.NOT_AUTHORIZED);
        failed(login(auth, "alice@bad..domain", "alice-pw"), SaslCondition.NOT_AUTHORIZED);
        assertThat(CORE.validateCalls()).isEqualTo(1); // only the first: "alice" + default domain acme.test
    }
}
