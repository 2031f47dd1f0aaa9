package net.bluemind.xmpp.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class KnownUsersTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T10:00:00Z"));
    private final KnownUsers users = new KnownUsers(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    });

    @Test
    void countsDistinctUsersPerDomainAndRecentOnes() {
        users.loggedIn("alice@bluemind.test");
        users.loggedIn("Alice@BlueMind.test");
        users.loggedIn("grace@acme.test");
        now.set(now.get().plus(Duration.ofHours(2)));
        users.loggedIn("bob@bluemind.test");

        assertThat(users.count()).isEqualTo(3);
        assertThat(users.count("bluemind.test")).isEqualTo(2);
        assertThat(users.count("acme.test")).isEqualTo(1);
        assertThat(users.count("solo.test")).isZero();
        assertThat(users.activeIn(Duration.ofHours(1))).isEqualTo(1);
        assertThat(users.activeIn(Duration.ofHours(3))).isEqualTo(3);
    }
}
