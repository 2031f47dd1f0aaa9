package net.bluemind.xmpp.domains.certs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A certs-dir shared by cluster nodes: several writers of one host's file at once, exactly one file wins. */
class CertificateDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void ofWritersRacingForOneHostExactlyOneWinsAndTheFileIsTheWinners() throws Exception {
        int writers = 8;
        for (int round = 0; round < 50; round++) {
            String host = "race" + round + ".example.com";
            CyclicBarrier start = new CyclicBarrier(writers);
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                List<Future<Boolean>> outcomes = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    CertificateDirectory node = new CertificateDirectory(dir); // one per node, one directory
                    String pem = "PEM of writer " + w + "\n";
                    Callable<Boolean> write = () -> {
                        start.await();
                        return node.createIfAbsent(host, pem);
                    };
                    outcomes.add(pool.submit(write));
                }
                List<Integer> winners = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    if (outcomes.get(w).get()) {
                        winners.add(w);
                    }
                }
                assertThat(winners).as("round %d", round).hasSize(1);
                assertThat(Files.readString(dir.resolve(host + ".pem"), StandardCharsets.US_ASCII))
                        .isEqualTo("PEM of writer " + winners.get(0) + "\n");
            } finally {
                pool.shutdownNow();
            }
        }
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no temporary file left").allMatch(n -> n.endsWith(".pem") && !n.startsWith("."));
        }
    }

    @Test
    void anExistingFileIsNeverReplaced() throws Exception {
        CertificateDirectory d = new CertificateDirectory(dir);
        assertThat(d.createIfAbsent("a.example.com", "first\n")).isTrue();
        assertThat(d.createIfAbsent("a.example.com", "second\n")).isFalse();
        assertThat(Files.readString(dir.resolve("a.example.com.pem"))).isEqualTo("first\n");
    }
}
