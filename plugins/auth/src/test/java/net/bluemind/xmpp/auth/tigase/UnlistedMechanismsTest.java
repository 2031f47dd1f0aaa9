package net.bluemind.xmpp.auth.tigase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What Tigase's SASL processors do with the selector's answer: list by iterating, accept by contains. */
class UnlistedMechanismsTest {

    @Test
    void fastMechanismsAreAcceptedButNeverListed() {
        UnlistedMechanisms m = new UnlistedMechanisms(List.of("PLAIN", "HT-SHA-256-NONE"), List.of("HT-SHA-256-NONE"));
        List<String> listed = new ArrayList<>();
        m.forEach(listed::add);
        assertThat(listed).containsExactly("PLAIN");
        assertThat(m).hasSize(1);
        assertThat(m.isEmpty()).isFalse();
        assertThat(m.contains("HT-SHA-256-NONE")).isTrue();
        assertThat(m.contains("PLAIN")).isTrue();
        assertThat(m.contains("SCRAM-SHA-1")).isFalse();
    }

    @Test
    void aMechanismTheSelectorRefusedStaysRefused() {
        UnlistedMechanisms m = new UnlistedMechanisms(List.of("PLAIN"), List.of("HT-SHA-256-NONE"));
        assertThat(m.contains("HT-SHA-256-NONE")).isFalse();
        UnlistedMechanisms none = new UnlistedMechanisms(List.of(), List.of("HT-SHA-256-NONE"));
        assertThat(none.isEmpty()).isTrue(); // no TLS yet: SASL2 offers nothing
    }
}
