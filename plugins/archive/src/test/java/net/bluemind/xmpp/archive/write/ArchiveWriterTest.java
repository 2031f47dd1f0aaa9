package net.bluemind.xmpp.archive.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import net.bluemind.xmpp.archive.ArchiveId;
import net.bluemind.xmpp.archive.ArchivedMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer's batching, spooling and retry logic against an in-process sink that can refuse; the same
 * behaviour against the real Elasticsearch is in the integration tests (ArchiveDurabilityIT).
 */
class ArchiveWriterTest {

    @TempDir
    Path dir;

    private final ArchiveId ids = new ArchiveId();

    /** Stores ids; can be switched off (unavailable), or made to refuse chosen ids for good or for now. */
    static final class ScriptedSink implements BulkSink {
        final Set<String> stored = ConcurrentHashMap.newKeySet();
        final List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        final Set<String> rejectForGood = ConcurrentHashMap.newKeySet();
        final Set<String> refuseOnce = ConcurrentHashMap.newKeySet();
        volatile boolean down;
        volatile int writes;

        @Override
        public BulkOutcome write(List<EncodedMessage> batch) throws SinkUnavailableException {
            writes++;
            if (down) {
                throw new SinkUnavailableException("down", null);
            }
            batchSizes.add(batch.size());
            List<EncodedMessage> retry = new ArrayList<>();
            List<BulkOutcome.Rejected> rejected = new ArrayList<>();
            for (EncodedMessage m : batch) {
                if (rejectForGood.contains(m.id())) {
                    rejected.add(new BulkOutcome.Rejected(m, "400 mapper_parsing_exception"));
                } else if (refuseOnce.remove(m.id())) {
                    retry.add(m);
                } else {
                    stored.add(m.id());
                }
            }
            return new BulkOutcome(retry, rejected);
        }
    }

    private ArchivedMessage msg(int i) {
        return new ArchivedMessage(ids.next(i), i, "a@acme.test", "b@acme.test", "m" + i, List.of("a@acme.test"), "chat",
                null, null);
    }

    private static WriterConfig config(int maxDocs, long maxBytes) {
        return new WriterConfig(maxDocs, maxBytes, Duration.ofMillis(30), Duration.ofMillis(20), Duration.ofMillis(80));
    }

    private List<String> offer(CaptureQueue q, int from, int n) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            ArchivedMessage m = msg(i);
            assertThat(q.offer(m)).isTrue();
            out.add(m.id());
        }
        return out;
    }

    @Test
    void batchesAreBoundedByCountAndAllGetStored() throws Exception {
        ScriptedSink sink = new ScriptedSink();
        CaptureQueue q = new CaptureQueue(10_000, 10);
        Spool spool = new Spool(dir, 1 << 24);
        try (ArchiveWriter w = new ArchiveWriter(q, spool, sink, config(10, 1 << 20)).start()) {
            List<String> sent = offer(q, 0, 95);
            await(() -> w.stats().stored() == 95);
            assertThat(sink.stored).containsExactlyInAnyOrderElementsOf(sent);
            assertThat(sink.batchSizes).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(10));
            await(() -> spool.segments() == 0);
        }
    }

    @Test
    void batchesAreBoundedByBytes() throws Exception {
        ScriptedSink sink = new ScriptedSink();
        CaptureQueue q = new CaptureQueue(10_000, 1000);
        long oneDoc = EncodedMessage.of(msg(1)).json().length + WriterConfig.ACTION_OVERHEAD;
        try (ArchiveWriter w = new ArchiveWriter(q, new Spool(dir, 1 << 24), sink, config(1000, oneDoc * 3)).start()) {
            offer(q, 0, 30);
            await(() -> w.stats().stored() == 30);
            assertThat(sink.batchSizes).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(3));
        }
    }

    @Test
    void whileTheStoreIsDownEverythingWaitsInTheSpoolThenIsWrittenOnce() throws Exception {
        ScriptedSink sink = new ScriptedSink();
        sink.down = true;
        CaptureQueue q = new CaptureQueue(10_000, 50);
        Spool spool = new Spool(dir, 1 << 24);
        try (ArchiveWriter w = new ArchiveWriter(q, spool, sink, config(50, 1 << 20)).start()) {
            List<String> sent = offer(q, 0, 120);
            await(() -> q.size() == 0 && sink.writes >= 3);
            Thread.sleep(100);
            List<String> more = offer(q, 1000, 10);
            await(() -> q.size() == 0);
            assertThat(w.stats().stored()).isZero();
            assertThat(spool.segments()).isPositive();
            sink.down = false;
            await(() -> w.stats().stored() == 130);
            assertThat(sink.stored).hasSize(130).containsAll(sent).containsAll(more);
            assertThat(sink.batchSizes).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(50));
            await(() -> spool.segments() == 0);
            assertThat(w.stats().failedRequests()).isPositive();
        }
    }

    @Test
    void aDocumentRefusedForGoodIsSetAsideWithoutBlockingTheOthers() throws Exception {
        ScriptedSink sink = new ScriptedSink();
        CaptureQueue q = new CaptureQueue(10_000, 10);
        Spool spool = new Spool(dir, 1 << 24);
        try (ArchiveWriter w = new ArchiveWriter(q, spool, sink, config(10, 1 << 20)).start()) {
            List<ArchivedMessage> ms = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ms.add(msg(i));
            }
            sink.rejectForGood.add(ms.get(3).id());
            sink.refuseOnce.add(ms.get(7).id());
            ms.forEach(q::offer);
            await(() -> w.stats().stored() == 9);
            assertThat(w.stats().rejected()).isEqualTo(1);
            assertThat(sink.stored).doesNotContain(ms.get(3).id()).contains(ms.get(7).id());
            assertThat(Files.readString(spool.deadLetters().file())).contains(ms.get(3).id()).contains("mapper_parsing_exception");
            await(() -> spool.segments() == 0);
        }
    }

    @Test
    void stopSpoolsWhatIsQueuedAndANewWriterReplaysIt() throws Exception {
        ScriptedSink sink = new ScriptedSink();
        sink.down = true;
        CaptureQueue q = new CaptureQueue(10_000, 10_000);
        List<String> sent;
        WriterConfig slow = new WriterConfig(10_000, 1 << 20, Duration.ofSeconds(30), Duration.ofMillis(20), Duration.ofMillis(80));
        try (ArchiveWriter w = new ArchiveWriter(q, new Spool(dir, 1 << 24), sink, slow).start()) {
            sent = offer(q, 0, 40);
        }
        assertThat(new Spool(dir, 1 << 24).segments()).isPositive();
        sink.down = false;
        CaptureQueue q2 = new CaptureQueue(10_000, 10);
        try (ArchiveWriter w2 = new ArchiveWriter(q2, new Spool(dir, 1 << 24), sink, config(10, 1 << 20)).start()) {
            await(() -> w2.stats().stored() == 40);
            assertThat(sink.stored).containsExactlyInAnyOrderElementsOf(sent);
        }
    }

    @Test
    void aFullQueueRefusesInsteadOfBlocking() {
        CaptureQueue q = new CaptureQueue(100, 100);
        offer(q, 0, 100);
        assertThat(q.offer(msg(101))).isFalse();
        assertThat(q.takeRefused()).isEqualTo(1);
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20s");
            }
            Thread.sleep(10);
        }
    }
}
