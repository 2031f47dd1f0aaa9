package net.bluemind.xmpp.archive.write;

import static net.bluemind.xmpp.archive.write.ArchiveWriterTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.bluemind.xmpp.archive.ArchiveId;
import net.bluemind.xmpp.archive.ArchivedMessage;
import net.bluemind.xmpp.archive.write.ArchiveWriterTest.ScriptedSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sender waiting on its {@link SpoolTicket} is released only once its message is in a spool file (what a
 * restart after kill -9 replays), by one segment write shared with the other waiting senders.
 */
class SpoolBeforeRoutingTest {

    private static final long WAIT = TimeUnit.SECONDS.toNanos(10);

    @TempDir
    Path dir;

    private final ArchiveId ids = new ArchiveId();

    private ArchivedMessage msg(int i) {
        return new ArchivedMessage(ids.next(i), i, "a@acme.test", "b@acme.test", "m" + i, List.of("a@acme.test"), "chat",
                null, null);
    }

    /** A flush interval far longer than any wait: only the tickets can make the writer spool early. */
    private static WriterConfig lazy() {
        return new WriterConfig(500, 1 << 20, Duration.ofSeconds(60), Duration.ofMillis(20), Duration.ofMillis(80));
    }

    /** What a process started on this directory after a crash would replay. */
    private Set<String> inSpoolFiles() throws Exception {
        Set<String> found = ConcurrentHashMap.newKeySet();
        Spool reopened = new Spool(dir, 1 << 26);
        for (Segment s : reopened.pending()) {
            reopened.read(s).forEach(m -> found.add(m.id()));
        }
        return found;
    }

    @Test
    void concurrentSendersAreReleasedOnlyOnceTheirMessageIsInTheSpool() throws Exception {
        // nothing leaves the spool: what is released must be found in it. The sink holds its first request until
        // the end (a refusing one would make the writer merge segments while the test reads the spool files)
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        BulkSink held = batch -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new SinkUnavailableException("held by the test", null);
        };
        CaptureQueue q = new CaptureQueue(10_000, 500);
        Spool spool = new Spool(dir, 1 << 26);
        Set<String> released = ConcurrentHashMap.newKeySet();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try (ArchiveWriter w = new ArchiveWriter(q, spool, held, lazy()).start()) {
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int base = t * 1000;
                    done.add(senders.submit(() -> {
                        for (int i = 0; i < 40; i++) {
                            ArchivedMessage m = msg(base + i);
                            SpoolTicket ticket = new SpoolTicket();
                            assertThat(q.offer(m, ticket)).isTrue();
                            assertThat(ticket.await(WAIT)).isEqualTo(SpoolTicket.Outcome.SPOOLED);
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
                assertThat(spool.segments()).as("at most one segment (one fsync) per message").isBetween(1, 320);
            } finally {
                release.countDown();
            }
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void aWaitingSenderTakesWhatWasQueuedBeforeItIntoTheSpool() throws Exception {
        ScriptedSink sink = new ScriptedSink();
        sink.down = true;
        CaptureQueue q = new CaptureQueue(10_000, 500);
        try (ArchiveWriter w = new ArchiveWriter(q, new Spool(dir, 1 << 26), sink, lazy()).start()) {
            ArchivedMessage queuedOnly = msg(1);
            assertThat(q.offer(queuedOnly)).isTrue();
            ArchivedMessage waited = msg(2);
            SpoolTicket ticket = new SpoolTicket();
            assertThat(q.offer(waited, ticket)).isTrue();
            assertThat(ticket.await(WAIT)).isEqualTo(SpoolTicket.Outcome.SPOOLED);
            assertThat(inSpoolFiles()).as("the waited-for message's segment takes what was queued before it too")
                    .contains(waited.id(), queuedOnly.id());
        }
    }

    @Test
    void aFullSpoolFailsTheTicketAtOnce() throws Exception {
        CaptureQueue q = new CaptureQueue(10_000, 500);
        try (ArchiveWriter w = new ArchiveWriter(q, new Spool(dir, 10), new ScriptedSink(), lazy()).start()) {
            SpoolTicket ticket = new SpoolTicket();
            assertThat(q.offer(msg(1), ticket)).isTrue();
            long t0 = System.nanoTime();
            assertThat(ticket.await(WAIT)).isEqualTo(SpoolTicket.Outcome.FAILED);
            assertThat(System.nanoTime() - t0).as("no wait for the timeout").isLessThan(WAIT / 2);
            assertThat(w.stats().dropped()).isEqualTo(1);
        }
    }

    @Test
    void aWriterThatDoesNotAnswerTimesOutAndTheMessageIsSpooledLater() throws Exception {
        ScriptedSink sink = new ScriptedSink();
        CaptureQueue q = new CaptureQueue(10_000, 500);
        ArchiveWriter w = new ArchiveWriter(q, new Spool(dir, 1 << 26), sink, lazy()); // not started yet
        ArchivedMessage m = msg(1);
        SpoolTicket ticket = new SpoolTicket();
        assertThat(q.offer(m, ticket)).isTrue();
        assertThat(ticket.await(TimeUnit.MILLISECONDS.toNanos(100))).isEqualTo(SpoolTicket.Outcome.TIMED_OUT);
        try (ArchiveWriter started = w.start()) {
            await(() -> sink.stored.contains(m.id()));
        }
    }

    @Test
    void anInterruptedSenderStillWaitsAndKeepsItsInterruptFlag() throws Exception {
        ScriptedSink sink = new ScriptedSink();
        CaptureQueue q = new CaptureQueue(10_000, 500);
        try (ArchiveWriter w = new ArchiveWriter(q, new Spool(dir, 1 << 26), sink, lazy()).start()) {
            SpoolTicket ticket = new SpoolTicket();
            Thread.currentThread().interrupt();
            assertThat(q.offer(msg(1), ticket)).isTrue();
            assertThat(ticket.await(WAIT)).isEqualTo(SpoolTicket.Outcome.SPOOLED);
            assertThat(Thread.interrupted()).isTrue();
        }
    }
}
