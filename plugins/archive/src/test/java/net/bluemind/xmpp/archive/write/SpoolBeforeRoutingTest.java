package net.bluemind.xmpp.archive.write;

import static net.bluemind.xmpp.archive.write.ArchiveWriterTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.bluemind.xmpp.archive.ArchiveId;
import net.bluemind.xmpp.archive.ArchivedMessage;
import net.bluemind.xmpp.archive.write.ArchiveWriterTest.ScriptedSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A capturing thread ({@link ArchiveWriter#spoolDurably}) returns only once its message is in a journal file (what
 * a restart after kill -9 replays), sharing the write with the threads capturing at the same time; and what it
 * spooled reaches the store like everything else.
 */
class SpoolBeforeRoutingTest {

    private static final long WAIT = TimeUnit.SECONDS.toNanos(10);

    @TempDir
    Path dir;

    @TempDir
    Path crashCopy;

    private final ArchiveId ids = new ArchiveId();

    private EncodedMessage msg(int i) {
        return EncodedMessage.of(new ArchivedMessage(ids.next(i), i, "a@acme.test", "b@acme.test", "m" + i,
                List.of("a@acme.test"), "chat", null, null));
    }

    /** A flush interval far longer than any wait: only the capturing threads write the spool. */
    private static WriterConfig lazy() {
        return new WriterConfig(500, 1 << 20, Duration.ofSeconds(60), Duration.ofMillis(20), Duration.ofMillis(80));
    }

    /** What a process started after a crash now would replay: the files as they are, copied aside. */
    private Set<String> inSpoolFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.copy(p, crashCopy.resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return Set.copyOf(SpoolTest.replayed(crashCopy));
    }

    @Test
    void concurrentSendersAreReleasedOnlyOnceTheirMessageIsInTheSpool() throws Exception {
        // nothing leaves the spool: what is released must be found in it
        CountDownLatch release = new CountDownLatch(1);
        BulkSink held = batch -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new SinkUnavailableException("held by the test", null);
        };
        Spool spool = new Spool(dir, 1 << 26);
        Set<String> released = ConcurrentHashMap.newKeySet();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try (ArchiveWriter w = new ArchiveWriter(new CaptureQueue(10_000, 500), spool, held, lazy()).start()) {
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int base = t * 1000;
                    done.add(senders.submit(() -> {
                        for (int i = 0; i < 40; i++) {
                            EncodedMessage m = msg(base + i);
                            assertThat(w.spoolDurably(m, WAIT)).isEqualTo(SpoolOutcome.SPOOLED);
                            released.add(m.id());
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get(60, TimeUnit.SECONDS);
                }
                assertThat(released).hasSize(320);
                assertThat(inSpoolFiles()).as("every released message is in a spool file").containsAll(released);
            } finally {
                release.countDown();
            }
        } finally {
            senders.shutdownNow();
            spool.close();
        }
    }

    @Test
    void whatTheCapturingThreadsSpoolReachesTheStoreOnceAndTheFilesAreReclaimed() throws Exception {
        ScriptedSink sink = new ScriptedSink();
        Spool spool = new Spool(dir, 1 << 26, 16_384);
        Set<String> sent = ConcurrentHashMap.newKeySet();
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try (ArchiveWriter w = new ArchiveWriter(new CaptureQueue(10_000, 500), spool, sink, lazy()).start()) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int base = t * 1000;
                done.add(senders.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        EncodedMessage m = msg(base + i);
                        assertThat(w.spoolDurably(m, WAIT)).isEqualTo(SpoolOutcome.SPOOLED);
                        sent.add(m.id());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            await(() -> sink.stored.size() == 800 && spool.segments() == 0);
            assertThat(sink.stored).containsExactlyInAnyOrderElementsOf(sent);
            assertThat(w.stats().stored()).isEqualTo(800);
        } finally {
            senders.shutdownNow();
        }
        spool.close();
        assertThat(SpoolTest.journalFiles(dir)).as("every file acknowledged and deleted").isEmpty();
    }

    @Test
    void aFullSpoolFailsAtOnceAndCounts() throws Exception {
        Spool spool = new Spool(dir, 10);
        try (ArchiveWriter w = new ArchiveWriter(new CaptureQueue(10_000, 500), spool, new ScriptedSink(), lazy()).start()) {
            long t0 = System.nanoTime();
            assertThat(w.spoolDurably(msg(1), WAIT)).isEqualTo(SpoolOutcome.FAILED);
            assertThat(System.nanoTime() - t0).as("no wait for the timeout").isLessThan(WAIT / 2);
            assertThat(w.stats().dropped()).isEqualTo(1);
        }
    }

    @Test
    void anUnwritableSpoolFailsTheMessageWithoutThrowing() throws Exception {
        Spool spool = new Spool(dir, 1 << 26);
        spool.close(); // nothing can be written any more
        try (ArchiveWriter w = new ArchiveWriter(new CaptureQueue(10_000, 500), spool, new ScriptedSink(), lazy()).start()) {
            assertThat(w.spoolDurably(msg(1), WAIT)).isEqualTo(SpoolOutcome.FAILED);
            assertThat(w.stats().dropped()).isEqualTo(1);
        }
    }

    @Test
    void anInterruptedSenderStillSpoolsAndKeepsItsInterruptFlag() throws Exception {
        ScriptedSink sink = new ScriptedSink();
        Spool spool = new Spool(dir, 1 << 26);
        try (ArchiveWriter w = new ArchiveWriter(new CaptureQueue(10_000, 500), spool, sink, lazy()).start()) {
            Thread.currentThread().interrupt();
            EncodedMessage m = msg(1);
            assertThat(w.spoolDurably(m, WAIT)).isEqualTo(SpoolOutcome.SPOOLED);
            assertThat(Thread.interrupted()).isTrue();
            EncodedMessage next = msg(2);
            assertThat(w.spoolDurably(next, WAIT)).as("the journal's file was not closed by the interrupt")
                    .isEqualTo(SpoolOutcome.SPOOLED);
            await(() -> sink.stored.contains(m.id()) && sink.stored.contains(next.id()));
        } finally {
            spool.close();
        }
    }
}
