package net.bluemind.xmpp.domains;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CapsHashTest {

    @Test
    void javasAlgorithmNameBecomesTheIanaName() {
        assertThat(CapsHash.corrected("SHA-1")).contains("sha-1");
        assertThat(CapsHash.corrected("SHA-256")).contains("sha-256");
    }

    @Test
    void aRightOrMissingNameIsLeftAlone() {
        assertThat(CapsHash.corrected("sha-1")).isEmpty();
        assertThat(CapsHash.corrected(null)).isEmpty();
    }
}
