package net.bluemind.xmpp.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import net.bluemind.xmpp.domains.RemoteServerWaits.Condition;
import org.junit.jupiter.api.Test;

class RemoteServerWaitsTest {

    private static final String LINK = "nordwind.test@down.test";
    private final RemoteServerWaits waits = new RemoteServerWaits(Duration.ofSeconds(60), Duration.ofSeconds(30));

    @Test
    void aStanzaThatFindsNoLinkAndNothingWaitingStartsAWaitEndingAfterTheBound() {
        assertThat(waits.queued(LINK, 1_000, 0, 1)).isEqualTo(61_000);
        assertThat(waits.since(LINK)).isEqualTo(1_000);
    }

    @Test
    void aStanzaThatWentOutOrJoinsAWaitStartsNothing() {
        assertThat(waits.queued(LINK, 1_000, 0, 0)).as("sent over the link").isEqualTo(-1);
        assertThat(waits.since(LINK)).isEqualTo(-1);
        waits.queued(LINK, 1_000, 0, 1);
        assertThat(waits.queued(LINK, 5_000, 1, 2)).as("joins the running wait").isEqualTo(-1);
        assertThat(waits.since(LINK)).isEqualTo(1_000);
    }

    @Test
    void theWaitIsDueOnlyOnceTheBoundIsOverAndOnlyIfItIsStillTheCurrentOne() {
        waits.queued(LINK, 1_000, 0, 1);
        assertThat(waits.due(LINK, 1_000, 60_999)).isFalse();
        assertThat(waits.due(LINK, 1_000, 61_000)).isTrue();
        waits.queued(LINK, 70_000, 0, 1);
        assertThat(waits.due(LINK, 1_000, 200_000)).as("an older wait").isFalse();
        assertThat(waits.due("other@link", 1_000, 200_000)).isFalse();
    }

    @Test
    void attemptsBackOffFromTwoSecondsDoublingUpToTheMaximumAndNoneIsMadeThatCannotConnectBeforeTheEnd() {
        waits.queued(LINK, 0, 0, 1);
        assertThat(waits.attemptDelay(LINK, 0)).as("first attempt").isZero();
        assertThat(waits.attemptDelay(LINK, 2_000)).isEqualTo(2_000);
        assertThat(waits.attemptDelay(LINK, 6_000)).isEqualTo(4_000);
        assertThat(waits.attemptDelay(LINK, 12_000)).isEqualTo(8_000);
        assertThat(waits.attemptDelay(LINK, 22_000)).isEqualTo(16_000);
        assertThat(waits.attemptDelay(LINK, 25_000)).as("capped at 30 s").isEqualTo(30_000);
        assertThat(waits.attemptDelay(LINK, 50_000)).as("could not connect before the end: held until just after it")
                .isEqualTo(11_000);
        assertThat(waits.attemptDelay(LINK, 59_000)).as("Tigase's own 2 s would pass the end").isEqualTo(2_000);
        assertThat(waits.attemptDelay(LINK, 70_000)).isEqualTo(1_000);
        assertThat(waits.attempts(LINK)).isEqualTo(9);
    }

    @Test
    void aNewWaitStartsTheBackOffAgainAndAttemptsOutsideAWaitAreNotHeldBack() {
        assertThat(waits.attemptDelay(LINK, 0)).isZero();
        waits.queued(LINK, 0, 0, 1);
        waits.attemptDelay(LINK, 0);
        waits.attemptDelay(LINK, 2_000);
        waits.queued(LINK, 100_000, 0, 1);
        assertThat(waits.attemptDelay(LINK, 100_000)).isZero();
        assertThat(waits.attemptDelay(LINK, 102_000)).isEqualTo(2_000);
    }

    @Test
    void aServerThatAnsweredButGaveNoStreamInTimeIsATimeout() {
        waits.queued(LINK, 1_000, 0, 1);
        waits.reached(LINK, 3_000);
        assertThat(waits.condition(LINK, 61_000)).isEqualTo(Condition.REMOTE_SERVER_TIMEOUT);
    }

    @Test
    void aServerThatNeverAnsweredIsNotFound() {
        waits.queued(LINK, 1_000, 0, 1);
        assertThat(waits.condition(LINK, 61_000)).isEqualTo(Condition.REMOTE_SERVER_NOT_FOUND);
    }

    @Test
    void aBounceBeforeTheBoundIsTigasesDnsFailureAndStaysNotFound() {
        waits.queued(LINK, 1_000, 0, 1);
        waits.reached(LINK, 2_000);
        assertThat(waits.condition(LINK, 5_000)).isEqualTo(Condition.REMOTE_SERVER_NOT_FOUND);
        assertThat(waits.condition("nordwind.test@nowhere.test", 5_000)).isEqualTo(Condition.REMOTE_SERVER_NOT_FOUND);
    }

    @Test
    void reachingTheServerInAnEarlierWaitDoesNotCount() {
        waits.queued(LINK, 1_000, 0, 1);
        waits.reached(LINK, 2_000);
        waits.queued(LINK, 100_000, 0, 1);
        assertThat(waits.condition(LINK, 160_000)).isEqualTo(Condition.REMOTE_SERVER_NOT_FOUND);
    }

    @Test
    void theBoundMustBePositive() {
        assertThatThrownBy(() -> new RemoteServerWaits(Duration.ZERO, Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
