package net.bluemind.xmpp.bench.archive;

import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import net.bluemind.xmpp.archive.ArchiveConfig;
import net.bluemind.xmpp.archive.ArchiveEngine;
import net.bluemind.xmpp.archive.ArchiveId;
import net.bluemind.xmpp.archive.ArchivedMessage;
import net.bluemind.xmpp.archive.capture.Direction;
import net.bluemind.xmpp.archive.capture.Stanza;
import net.bluemind.xmpp.archive.es.ArchiveIndex;
import net.bluemind.xmpp.archive.es.EsConnection;
import net.bluemind.xmpp.archive.es.IndexNames;
import net.bluemind.xmpp.archive.write.CaptureDurability;
import net.bluemind.xmpp.archive.write.EncodedMessage;
import net.bluemind.xmpp.archive.write.WriterConfig;
import net.bluemind.xmpp.bench.Benchmark;
import net.bluemind.xmpp.bench.Latencies;
import net.bluemind.xmpp.bench.Report;
import net.bluemind.xmpp.testkit.services.ElasticsearchService;

/**
 * The archive pipeline (capture → queue → spool → {@code _bulk}) against the real Elasticsearch, compared in the
 * same run with a raw {@code _bulk} of equivalent documents and with BlueMind's old way (one index request with
 * refresh per message); plus the time capture takes on the message path.
 */
public final class ArchiveBenchmark implements Benchmark {

    private static final int MESSAGES = 50_000;
    private static final int ROUNDS = 7;
    private static final int BULK = 500;
    private static final int ONE_BY_ONE = 300;
    /** archive-flush-interval used here: the last, partial batch of the run waits this long. */
    private static final Duration FLUSH = Duration.ofMillis(100);

    @Override
    public String name() {
        return "archive";
    }

    @Override
    public String description() {
        return "archive pipeline msg/s vs raw _bulk (goal >= 0.9) vs index+refresh per message (goal >= 20x); capture p99 (goal < 50 us)";
    }

    @Override
    public void run(Report report) throws Exception {
        URI url = ElasticsearchService.ensureStarted();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        List<IndexNames> created = new ArrayList<>();
        try (EsConnection es = new EsConnection(List.of(url), Duration.ofSeconds(2), Duration.ofSeconds(60))) {
            report.note(ROUNDS + " interleaved rounds of " + MESSAGES + " messages, bulk " + BULK + " docs, flush interval " + FLUSH.toMillis() + " ms, one-by-one sample " + ONE_BY_ONE + " messages");
            // warm-up of both paths (JIT, ES caches), not measured
            for (int w = 0; w < 2; w++) {
                pipeline(url, scheduler, created, 20_000, new Latencies());
                raw(es, created, documents(20_000));
            }

            // interleaved rounds, alternating which goes first: on a shared machine the load changes by the second
            double[] rawRates = new double[ROUNDS];
            double[] pipelineRates = new double[ROUNDS];
            Latencies capture = new Latencies();
            for (int r = 0; r < ROUNDS; r++) {
                if (r % 2 == 0) {
                    rawRates[r] = raw(es, created, documents(MESSAGES));
                    pipelineRates[r] = pipeline(url, scheduler, created, MESSAGES, capture);
                } else {
                    pipelineRates[r] = pipeline(url, scheduler, created, MESSAGES, capture);
                    rawRates[r] = raw(es, created, documents(MESSAGES));
                }
                report.note(String.format(java.util.Locale.ROOT, "round %d: raw %.0f msg/s, pipeline %.0f msg/s, ratio %.2f",
                        r + 1, rawRates[r], pipelineRates[r], pipelineRates[r] / rawRates[r]));
            }
            double rawRate = median(rawRates);
            double pipelineRate = median(pipelineRates);
            double oneByOneRate = oneByOne(es, created, documents(ONE_BY_ONE));

            report.figure("raw _bulk (median)", rawRate, "msg/s");
            report.figure("archive pipeline (median)", pipelineRate, "msg/s");
            report.figure("index+refresh per message", oneByOneRate, "msg/s");
            report.ratio("pipeline / raw _bulk (goal >= 0.9)", pipelineRate, rawRate);
            report.ratio("pipeline / per-message (goal >= 20)", pipelineRate, oneByOneRate);
            report.figure("capture p50", capture.percentileMillis(50) * 1000, "us");
            report.figure("capture p99 (goal < 50)", capture.percentileMillis(99) * 1000, "us");
            report.figure("capture p99.9", capture.percentileMillis(99.9) * 1000, "us");
            for (IndexNames n : created) {
                es.client().indices().delete(d -> d.index(n.index()).ignoreUnavailable(true));
            }
        } finally {
            scheduler.shutdownNow();
        }
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static IndexNames fresh(EsConnection es, List<IndexNames> created) throws Exception {
        IndexNames names = IndexNames.prefixed("bench-" + UUID.randomUUID().toString().substring(0, 8) + "-");
        created.add(names);
        if (es != null) {
            new ArchiveIndex(es.client(), names).ensure();
        }
        return names;
    }

    private static List<ArchivedMessage> documents(int n) {
        ArchiveId ids = new ArchiveId();
        List<ArchivedMessage> out = new ArrayList<>(n);
        long t = System.currentTimeMillis();
        for (int i = 0; i < n; i++) {
            String from = "user" + (i % 50) + "@acme.test";
            String to = "user" + ((i + 1) % 50) + "@acme.test";
            out.add(new ArchivedMessage(ids.next(t + i), t + i, from, to, body(i), List.of(from, to), "chat", null, "c" + i));
        }
        return out;
    }

    private static String body(int i) {
        return "message " + i + ": the quick brown fox jumps over the lazy dog, as usual on a weekday";
    }

    /** Messages through capture, queue, spool and bulk writer, until Elasticsearch acknowledged all of them. */
    private static double pipeline(URI url, ScheduledExecutorService scheduler, List<IndexNames> created, int n,
            Latencies capture) throws Exception {
        IndexNames names = fresh(null, created);
        ArchiveConfig config = new ArchiveConfig(List.of(url), names, Files.createTempDirectory("bench-spool"), 1L << 30,
                1_000_000, new WriterConfig(BULK, 5L << 20, FLUSH, Duration.ofMillis(200), Duration.ofSeconds(5)),
                Duration.ZERO, 100, CaptureDurability.QUEUED_ONLY); // one sender: spooling first is measured by archive-durability
        try (ArchiveEngine engine = new ArchiveEngine(config, null, null, scheduler, Set.of("acme.test")::contains,
                System::currentTimeMillis)) {
            List<Stanza> stanzas = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                stanzas.add(new Stanza("chat", "user" + (i % 50) + "@acme.test/r", "user" + ((i + 1) % 50) + "@acme.test",
                        "c" + i, body(i), null, false, false));
            }
            long start = System.nanoTime();
            for (Stanza s : stanzas) {
                long t0 = System.nanoTime();
                engine.capture(s, Direction.OUTGOING);
                capture.add(System.nanoTime() - t0);
            }
            while (engine.stats().stored() < n) {
                Thread.sleep(1);
                if (engine.stats().dropped() > 0 || engine.stats().rejected() > 0) {
                    throw new IllegalStateException("pipeline lost messages: " + engine.stats().dropped() + " dropped, "
                            + engine.stats().rejected() + " rejected");
                }
            }
            return n / ((System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * The same documents as NDJSON {@code _bulk} bodies of {@value #BULK}, encoded and sent one after the other:
     * the least a client must do, without queue or spool.
     */
    private static double raw(EsConnection es, List<IndexNames> created, List<ArchivedMessage> docs) throws Exception {
        IndexNames names = fresh(es, created);
        long start = System.nanoTime();
        RawBulk.send(es, names.writeAlias(), docs, BULK);
        return docs.size() / ((System.nanoTime() - start) / 1e9);
    }

    /** BlueMind's former way: one index request per message, each with refresh. */
    private static double oneByOne(EsConnection es, List<IndexNames> created, List<ArchivedMessage> docs) throws Exception {
        IndexNames names = fresh(es, created);
        long start = System.nanoTime();
        for (ArchivedMessage m : docs) {
            byte[] json = EncodedMessage.of(m).json();
            es.client().index(i -> i.index(names.writeAlias()).id(m.id()).refresh(Refresh.True)
                    .document(BinaryData.of(json, ContentType.APPLICATION_JSON)));
        }
        return docs.size() / ((System.nanoTime() - start) / 1e9);
    }
}
