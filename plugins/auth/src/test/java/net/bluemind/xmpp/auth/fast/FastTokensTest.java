package net.bluemind.xmpp.auth.fast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.bluemind.xmpp.auth.Identity;
import org.junit.jupiter.api.Test;

class FastTokensTest {

    private static final String LOGIN = "alice@bluemind.test";
    private static final String AGENT = "d5b8e6d2-phone";
    private static final Identity ALICE = new Identity("uid-alice", "bluemind.test", "alice@bluemind.test");

    private final MovingClock clock = new MovingClock();
    private final MemoryTokenStore store = new MemoryTokenStore();
    private final FastTokens tokens = new FastTokens(store, Duration.ofDays(14), clock);

    private TokenUse use(IssuedToken t, Long count) {
        return tokens.use(LOGIN, AGENT, HtSha256.initiator(t.token()), count, false, false);
    }

    private static void accepted(TokenUse u) {
        assertThat(u).isInstanceOf(TokenUse.Accepted.class);
    }

    private static TokenUse.Refused refused(TokenUse u) {
        assertThat(u).isInstanceOf(TokenUse.Refused.class);
        return (TokenUse.Refused) u;
    }

    @Test
    void anIssuedTokenIsAcceptedAndItsHolderIsTheUser() {
        IssuedToken t = tokens.issue(LOGIN, ALICE, AGENT);
        assertThat(t.expiry()).isEqualTo(clock.instant().plus(Duration.ofDays(14)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        TokenUse u = use(t, null);
        accepted(u);
        StoredToken held = ((TokenUse.Accepted) u).token();
        assertThat(held.uid()).isEqualTo("uid-alice");
        assertThat(held.jid()).isEqualTo("alice@bluemind.test");
        assertThat(held.responder()).isEqualTo(HtSha256.responder(t.token()));
        assertThat(((TokenUse.Accepted) u).fresh()).as("no renewal in the first half").isNull();
    }

    @Test
    void theStoreNeverHoldsTheTokenNorWhatTheClientSends() {
        IssuedToken t = tokens.issue(LOGIN, ALICE, AGENT);
        TokenSlot slot = store.load(LOGIN, FastTokens.agentKey(AGENT)).orElseThrow();
        String stored = TokenSlotCodec.encode(slot);
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        assertThat(stored).doesNotContain(t.token()).doesNotContain(b64.encodeToString(HtSha256.initiator(t.token())))
                .doesNotContain(AGENT);
        assertThat(slot.current().verifier()).isEqualTo(HtSha256.sha256(HtSha256.initiator(t.token())));
    }

    @Test
    void aWrongTokenAnotherClientOrAnotherLoginIsRefusedAsAGuess() {
        IssuedToken t = tokens.issue(LOGIN, ALICE, AGENT);
        assertThat(refused(tokens.use(LOGIN, AGENT, HtSha256.initiator("other"), null, false, false)).guess()).isTrue();
        assertThat(refused(tokens.use(LOGIN, "other-agent", HtSha256.initiator(t.token()), null, false, false)).guess()).isTrue();
        assertThat(refused(tokens.use("bob@bluemind.test", AGENT, HtSha256.initiator(t.token()), null, false, false)).guess()).isTrue();
        accepted(use(t, null));
    }

    @Test
    void anExpiredTokenIsRefusedButIsNoGuess() {
        IssuedToken t = tokens.issue(LOGIN, ALICE, AGENT);
        clock.advance(Duration.ofDays(14));
        TokenUse.Refused r = refused(use(t, null));
        assertThat(r.guess()).isFalse();
        assertThat(r.reason()).contains("expired");
    }

    @Test
    void countsMustGrowAndAnAbsentCountIsAccepted() {
        IssuedToken t = tokens.issue(LOGIN, ALICE, AGENT);
        accepted(use(t, 5L));
        TokenUse.Refused replay = refused(use(t, 5L));
        assertThat(replay.guess()).isTrue();
        assertThat(replay.reason()).contains("replay");
        refused(use(t, 4L));
        accepted(use(t, null));
        accepted(use(t, 6L));
    }

    @Test
    void aLoginInTheSecondHalfRenewsAndTheOldTokenHoldsUntilTheNewOneIsUsed() {
        IssuedToken first = tokens.issue(LOGIN, ALICE, AGENT);
        clock.advance(Duration.ofDays(8));
        TokenUse u = use(first, null);
        accepted(u);
        IssuedToken second = ((TokenUse.Accepted) u).fresh();
        assertThat(second).isNotNull();
        assertThat(second.token()).isNotEqualTo(first.token());
        assertThat(second.expiry()).isAfter(first.expiry());
        accepted(use(first, null)); // the client may not have received it: the old one still works
        assertThat(((TokenUse.Accepted) use(first, null)).fresh()).as("no second renewal of the old token").isNull();
        accepted(use(second, null));
        refused(use(first, null)); // the new one was used: the old one is gone
    }

    @Test
    void aRequestedTokenIsIssuedAtOnce() {
        IssuedToken first = tokens.issue(LOGIN, ALICE, AGENT);
        TokenUse u = tokens.use(LOGIN, AGENT, HtSha256.initiator(first.token()), null, false, true);
        assertThat(((TokenUse.Accepted) u).fresh()).isNotNull();
    }

    @Test
    void anInvalidatedTokenIsAcceptedOnceThenGone() {
        IssuedToken t = tokens.issue(LOGIN, ALICE, AGENT);
        TokenUse u = tokens.use(LOGIN, AGENT, HtSha256.initiator(t.token()), null, true, true);
        accepted(u);
        assertThat(((TokenUse.Accepted) u).fresh()).as("no new token for a client giving its token up").isNull();
        refused(use(t, null));
        assertThat(store.size()).isZero();
    }

    @Test
    void aRevocationRefusesEveryTokenIssuedBeforeItButNotLaterOnes() {
        IssuedToken phone = tokens.issue(LOGIN, ALICE, AGENT);
        IssuedToken laptop = tokens.issue("alice.liddell@corp.test", ALICE, "laptop");
        clock.advance(Duration.ofSeconds(1));
        tokens.revokeUser("uid-alice");
        TokenUse.Refused r = refused(use(phone, null));
        assertThat(r.guess()).as("a genuine revoked token is no guess").isFalse();
        assertThat(r.reason()).contains("revoked");
        refused(tokens.use("alice.liddell@corp.test", "laptop", HtSha256.initiator(laptop.token()), null, false, false));
        clock.advance(Duration.ofMillis(1));
        IssuedToken again = tokens.issue(LOGIN, ALICE, AGENT);
        accepted(use(again, null));
    }

    @Test
    void anotherUsersRevocationChangesNothing() {
        IssuedToken t = tokens.issue(LOGIN, ALICE, AGENT);
        clock.advance(Duration.ofSeconds(1));
        tokens.revokeUser("uid-bob");
        accepted(use(t, null));
    }

    @Test
    void aNewPasswordLoginReplacesTheClientsTokens() {
        IssuedToken first = tokens.issue(LOGIN, ALICE, AGENT);
        IssuedToken second = tokens.issue(LOGIN, ALICE, AGENT);
        refused(use(first, null));
        accepted(use(second, null));
    }

    @Test
    void zeroTtlSwitchesFastOff() {
        assertThat(new FastTokens(store, Duration.ZERO, clock).enabled()).isFalse();
        assertThat(tokens.enabled()).isTrue();
    }
}
