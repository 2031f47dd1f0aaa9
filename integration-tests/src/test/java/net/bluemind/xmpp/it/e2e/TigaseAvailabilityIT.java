package net.bluemind.xmpp.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Gate of the end-to-end suite (XMPP clients against a real Tigase 8.4.0 running the bundle): it runs
 * only when TIGASE_HOME names an install, otherwise it is skipped, visibly. The scenarios come later.
 */
class TigaseAvailabilityIT {

    static final String SKIP_MESSAGE = "e2e suite skipped: set TIGASE_HOME to a Tigase 8.4.0 install (see README)";

    @Test
    void tigaseHomeIsATigaseInstall() throws Exception {
        String home = System.getenv("TIGASE_HOME");
        if (home == null || home.isBlank()) {
            System.out.println(SKIP_MESSAGE);
        }
        assumeTrue(home != null && !home.isBlank(), SKIP_MESSAGE);
        Path jars = Path.of(home, "jars");
        assertThat(jars).as("TIGASE_HOME=%s must hold Tigase's jars/ directory", home).isDirectory();
        try (var files = Files.list(jars)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .as("a tigase-server*.jar in %s", jars).anyMatch(n -> n.startsWith("tigase-server") && n.endsWith(".jar"));
        }
    }
}
