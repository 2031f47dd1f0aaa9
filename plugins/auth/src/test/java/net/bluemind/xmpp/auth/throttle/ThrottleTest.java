package net.bluemind.xmpp.auth.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ThrottleTest {

    private final AtomicLong now = new AtomicLong(-5_000_000_000L); // negative ticker values must work too
    private final Ticker ticker = now::get;
    private final Throttle throttle = new Throttle(new ThrottleLimits(3, 6, Duration.ofMinutes(5),
            Duration.ofSeconds(1), Duration.ofMinutes(15)), ticker);

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    private static boolean refused(Throttle.Verdict v) {
        return v instanceof Throttle.Verdict.Refused;
    }

    @Test
    void anAccountIsSlowedMoreAfterEachFailureThenLocked() {
        throttle.failed("bob", "10.0.0.1");
        assertThat(refused(throttle.check("bob", "10.0.0.1"))).isTrue();
        advance(Duration.ofMillis(1001));
        assertThat(throttle.check("bob", "10.0.0.1")).isEqualTo(Throttle.Verdict.PASS);

        throttle.failed("bob", "10.0.0.1");
        advance(Duration.ofMillis(1500));
        assertThat(refused(throttle.check("bob", "10.0.0.1"))).as("2 failures: 2 s cool-down").isTrue();
        advance(Duration.ofMillis(600));
        assertThat(throttle.check("bob", "10.0.0.1")).isEqualTo(Throttle.Verdict.PASS);

        throttle.failed("bob", "10.0.0.1"); // third: locked
        advance(Duration.ofMinutes(14));
        Throttle.Verdict v = throttle.check("bob", "10.0.0.2");
        assertThat(refused(v)).isTrue();
        assertThat(((Throttle.Verdict.Refused) v).text()).contains("Too many failed logins for this account");
        advance(Duration.ofMinutes(2));
        assertThat(throttle.check("bob", "10.0.0.2")).isEqualTo(Throttle.Verdict.PASS);
    }

    @Test
    void otherAccountsAndAddressesAreNeverSlowedByOnesFailures() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("bob", "10.0.0.1");
        }
        assertThat(refused(throttle.check("bob", "10.0.0.9"))).isTrue();
        assertThat(throttle.check("alice", "10.0.0.1")).isEqualTo(Throttle.Verdict.PASS);
        assertThat(throttle.check("alice", "10.0.0.2")).isEqualTo(Throttle.Verdict.PASS);
        assertThat(throttle.check("alice", null)).isEqualTo(Throttle.Verdict.PASS);
    }

    @Test
    void anAddressFailingManyAccountsIsSlowedThenLocked() {
        for (int i = 0; i < 3; i++) { // up to one account's limit: colleagues behind the same NAT are not slowed
            throttle.failed("user" + i, "10.0.0.1");
            assertThat(throttle.check("alice", "10.0.0.1")).isEqualTo(Throttle.Verdict.PASS);
        }
        throttle.failed("user3", "10.0.0.1");
        assertThat(refused(throttle.check("alice", "10.0.0.1"))).isTrue();
        advance(Duration.ofSeconds(2));
        throttle.failed("user4", "10.0.0.1");
        throttle.failed("user5", "10.0.0.1"); // sixth: locked
        advance(Duration.ofMinutes(10));
        assertThat(((Throttle.Verdict.Refused) throttle.check("alice", "10.0.0.1")).text())
                .contains("for this address");
        assertThat(throttle.check("alice", "10.0.0.2")).isEqualTo(Throttle.Verdict.PASS);
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        throttle.failed("bob", null);
        advance(Duration.ofMinutes(6));
        throttle.failed("bob", null);
        advance(Duration.ofMinutes(6));
        throttle.failed("bob", null);
        advance(Duration.ofSeconds(2));
        assertThat(throttle.check("bob", null)).isEqualTo(Throttle.Verdict.PASS);
    }

    @Test
    void aSuccessForgetsTheAccountsFailuresButNotTheAddresss() {
        for (int i = 0; i < 2; i++) {
            throttle.failed("bob", "10.0.0.1");
            throttle.failed("x" + i, "10.0.0.1");
        }
        advance(Duration.ofSeconds(3));
        throttle.succeeded("bob");
        throttle.failed("bob", "10.0.0.1"); // would be the third: locked, had the success not reset it
        advance(Duration.ofSeconds(2));
        assertThat(throttle.check("bob", "10.0.0.2")).isEqualTo(Throttle.Verdict.PASS);
        throttle.failed("y", "10.0.0.1");
        throttle.failed("z", "10.0.0.1"); // "y" was the address's sixth failure: locked
        assertThat(refused(throttle.check("carol", "10.0.0.1"))).isTrue();
    }
}
