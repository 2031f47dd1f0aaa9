package net.bluemind.xmpp.archive.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a process capturing on four threads, in the middle of its group commits and file rotations: every
 * message it acknowledged is replayed by the next start, once. (A kill keeps what reached the page cache; a power
 * loss would also drop what was not fdatasync'd, which is why nothing is acknowledged before the sync.)
 */
class SpoolCrashTest {

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedMessageSurvivesAKillMinus9() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SpoolCrashChild.class.getName(), dir.toString(), "65536").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Set<String> acknowledged = new HashSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < 3000 && (line = in.readLine()) != null) {
                acknowledged.add(line);
            }
            assertThat(acknowledged).as("the child acknowledged messages").hasSize(3000);
            child.destroyForcibly(); // SIGKILL, while its threads are writing
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).as("killed, not failed").isEqualTo(137);
        List<String> replayed = SpoolTest.replayed(dir);
        assertThat(replayed).as("every acknowledged message is replayed").containsAll(acknowledged);
        assertThat(new HashSet<>(replayed)).as("each once").hasSize(replayed.size());
        assertThat(SpoolTest.journalFiles(dir).size()).as("several files were used").isGreaterThan(2);
    }
}
