package net.bluemind.xmpp.vcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AvatarAudienceTest {

    private final AvatarAudience<String> audience = new AvatarAudience<>(100);

    @Test
    void aContactIsToldOncePerHash() {
        assertThat(audience.firstTimeTold("alice@x", "bob@x", "h1")).isTrue();
        assertThat(audience.firstTimeTold("Alice@X", "bob@x ", "h1")).isFalse();
        assertThat(audience.firstTimeTold("alice@x", "carol@x", "h1")).isTrue();
        assertThat(audience.firstTimeTold("alice@x", "bob@x", "h2")).isTrue();
        assertThat(audience.firstTimeTold("alice@x", "bob@x", "h2")).isFalse();
        assertThat(audience.firstTimeTold("bob@x", "alice@x", "h2")).isTrue();
    }

    @Test
    void aContactWhoWentOfflineIsToldAgain() {
        assertThat(audience.firstTimeTold("alice@x", "bob@x", "h1")).isTrue();
        assertThat(audience.firstTimeTold("carol@x", "bob@x", "h7")).isTrue();
        assertThat(audience.firstTimeTold("alice@x", "dave@x", "h1")).isTrue();

        audience.contactGone("Bob@X");

        assertThat(audience.firstTimeTold("alice@x", "bob@x", "h1")).isTrue();
        assertThat(audience.firstTimeTold("carol@x", "bob@x", "h7")).isTrue();
        assertThat(audience.firstTimeTold("alice@x", "dave@x", "h1")).as("other contacts keep their memory").isFalse();
    }

    @Test
    void sessionsAreTrackedUntilTheLastOneStops() {
        audience.sessionStamped("alice@x", "s1");
        audience.sessionStamped("alice@x", "s2");
        audience.sessionStamped("alice@x", "s2");
        assertThat(audience.sessions("ALICE@x")).containsExactlyInAnyOrder("s1", "s2");
        assertThat(audience.sessionStopped("alice@x", "s1")).isFalse();
        assertThat(audience.sessionStopped("alice@x", "s2")).isTrue();
        assertThat(audience.sessions("alice@x")).isEmpty();
        assertThat(audience.sessionStopped("alice@x", "s2")).isFalse();
    }

    @Test
    void rememberedContactsAreBounded() {
        AvatarAudience<String> small = new AvatarAudience<>(10);
        for (int i = 0; i < 1000; i++) {
            small.firstTimeTold("u@x", "c" + i + "@x", "h");
        }
        // once forgotten, a contact is simply told again: at least the early ones are re-told
        long retold = IntStream.range(0, 1000).filter(i -> small.firstTimeTold("u@x", "c" + i + "@x", "h")).count();
        assertThat(retold).isGreaterThan(900);
    }
}
