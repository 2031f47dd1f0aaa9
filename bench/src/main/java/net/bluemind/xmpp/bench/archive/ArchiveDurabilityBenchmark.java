package net.bluemind.xmpp.bench.archive;

import net.bluemind.xmpp.bench.Rounds;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import net.bluemind.xmpp.archive.ArchiveConfig;
import net.bluemind.xmpp.archive.ArchiveEngine;
import net.bluemind.xmpp.archive.capture.Direction;
import net.bluemind.xmpp.archive.capture.Stanza;
import net.bluemind.xmpp.archive.es.EsConnection;
import net.bluemind.xmpp.archive.es.IndexNames;
import net.bluemind.xmpp.archive.write.CaptureDurability;
import net.bluemind.xmpp.archive.write.WriterConfig;
import net.bluemind.xmpp.bench.Benchmark;
import net.bluemind.xmpp.bench.Latencies;
import net.bluemind.xmpp.bench.Report;
import net.bluemind.xmpp.testkit.services.ElasticsearchService;

/**
 * What spooling before routing ({@code archive-spool-before-routing=true}) costs against the in-memory queue
 * ({@code false}), in the same run, interleaved: the time capture takes on the message path (p50/p99), the rate
 * the message path sustains, and the rate until Elasticsearch acknowledged everything; with one sender and with
 * as many concurrent senders as a busy session manager has.
 */
public final class ArchiveDurabilityBenchmark implements Benchmark {

    private static final int ROUNDS = 3;
    private static final int[] SENDERS = {1, 16};
    private static final int MESSAGES_ONE = 2_000;
    private static final int MESSAGES_MANY = 20_000;
    private static final int DISK_SAMPLES = 200;

    @Override
    public String name() {
        return "archive-durability";
    }

    @Override
    public String description() {
        return "capture p50/p99 and msg/s with the spool written before routing vs queued only (1 and 16 senders)";
    }

    private record Run(double pathRate, double storedRate) {
    }

    @Override
    public void run(Report report) throws Exception {
        URI url = ElasticsearchService.ensureStarted();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        List<IndexNames> created = new ArrayList<>();
        java.nio.file.Path syncDir = Files.createTempDirectory("bench-dur-sync");
        Latencies oldWay = new Latencies();
        Latencies oldWayDisk = new Latencies();
        Latencies newFile = new Latencies();
        try (EsConnection es = new EsConnection(List.of(url), Duration.ofSeconds(2), Duration.ofSeconds(60))) {
            report.note(ROUNDS + " interleaved rounds; " + MESSAGES_ONE + " messages with 1 sender, " + MESSAGES_MANY
                    + " with 16; spool in " + System.getProperty("java.io.tmpdir") + "; the disk's own fdatasync in the same"
                    + " directory, one after each capture of sender 0 (side by side, Elasticsearch's own syncs and the"
                    + " other senders' going on)");
            for (int senders : SENDERS) {
                int n = senders == 1 ? MESSAGES_ONE : MESSAGES_MANY;
                run(url, scheduler, created, CaptureDurability.QUEUED_ONLY, senders, n / 4, new Latencies()); // warm-up
                run(url, scheduler, created, CaptureDurability.BEFORE_ROUTING, senders, n / 4, new Latencies());
                Latencies oldLat = new Latencies();
                Latencies newLat = new Latencies();
                Latencies diskHere = new Latencies();
                double[] oldPath = new double[ROUNDS];
                double[] newPath = new double[ROUNDS];
                double[] oldStored = new double[ROUNDS];
                double[] newStored = new double[ROUNDS];
                double[] roundRatio = new double[ROUNDS];
                for (int r = 0; r < ROUNDS; r++) {
                    Latencies roundDisk = new Latencies();
                    Latencies roundOld = new Latencies();
                    Latencies roundNew = new Latencies();
                    Latencies roundOldWay = new Latencies();
                    Latencies roundOldWayDisk = new Latencies();
                    boolean oldFirst = r % 2 == 0;
                    Run a;
                    Run b;
                    try (DiskSync.Baseline base = new DiskSync.Baseline(syncDir)) {
                        if (senders == 1) {
                            DiskSync.handOffNewFilePerWrite(syncDir, roundOldWay, DISK_SAMPLES, base, roundOldWayDisk);
                        }
                        a = run(url, scheduler, created, oldFirst ? CaptureDurability.QUEUED_ONLY : CaptureDurability.BEFORE_ROUTING,
                                senders, n, oldFirst ? roundOld : roundNew, base, roundDisk);
                        b = run(url, scheduler, created, oldFirst ? CaptureDurability.BEFORE_ROUTING : CaptureDurability.QUEUED_ONLY,
                                senders, n, oldFirst ? roundNew : roundOld, base, roundDisk);
                    }
                    DiskSync.newFilePerWrite(syncDir, newFile, DISK_SAMPLES / 4);
                    Run old = oldFirst ? a : b;
                    Run neu = oldFirst ? b : a;
                    oldPath[r] = old.pathRate();
                    newPath[r] = neu.pathRate();
                    oldStored[r] = old.storedRate();
                    newStored[r] = neu.storedRate();
                    double added = us(roundNew, 50) - us(roundOld, 50);
                    roundRatio[r] = added / us(roundDisk, 50);
                    report.note(String.format(Locale.ROOT, "%d sender(s) round %d: message path %.0f vs %.0f msg/s, stored %.0f vs %.0f msg/s (queued only vs spooled first)",
                            senders, r + 1, old.pathRate(), neu.pathRate(), old.storedRate(), neu.storedRate()));
                    report.note(String.format(Locale.ROOT, "%d sender(s) round %d: capture p50 %.1f us queued only, %.1f us spooled first: +%.1f us; disk fdatasync p50 %.1f us; added/fdatasync %.2f x",
                            senders, r + 1, us(roundOld, 50), us(roundNew, 50), added, us(roundDisk, 50), roundRatio[r]));
                    if (senders == 1) {
                        report.note(String.format(Locale.ROOT, "1 sender round %d: the previous spool's path (emulated) p50 %.1f us, disk fdatasync beside it p50 %.1f us: %.2f x",
                                r + 1, us(roundOldWay, 50), us(roundOldWayDisk, 50), us(roundOldWay, 50) / us(roundOldWayDisk, 50)));
                        oldWay.addAll(roundOldWay);
                        oldWayDisk.addAll(roundOldWayDisk);
                    }
                    oldLat.addAll(roundOld);
                    newLat.addAll(roundNew);
                    diskHere.addAll(roundDisk);
                }
                String k = senders + " sender" + (senders == 1 ? "" : "s") + ": ";
                report.figure(k + "capture p50, queued only", us(oldLat, 50), "us");
                report.figure(k + "capture p50, spooled first", us(newLat, 50), "us");
                report.figure(k + "capture p99, queued only", us(oldLat, 99), "us");
                report.figure(k + "capture p99, spooled first", us(newLat, 99), "us");
                report.figure(k + "message path, queued only", Rounds.median(oldPath), "msg/s");
                report.figure(k + "message path, spooled first", Rounds.median(newPath), "msg/s");
                report.figure(k + "stored in ES, queued only", Rounds.median(oldStored), "msg/s");
                report.figure(k + "stored in ES, spooled first", Rounds.median(newStored), "msg/s");
                report.ratio(k + "message path spooled/queued", Rounds.median(newPath), Rounds.median(oldPath));
                report.ratio(k + "stored in ES spooled/queued", Rounds.median(newStored), Rounds.median(oldStored));
                report.figure(k + "disk fdatasync p50 during these rounds", us(diskHere, 50), "us");
                report.ratio(k + "capture p50 added by spooling first / disk fdatasync p50 (goal <= 1.5)",
                        us(newLat, 50) - us(oldLat, 50), us(diskHere, 50));
                report.figure(k + "same, median of the rounds' ratios", Rounds.median(roundRatio), "x");
                if (senders == 1) {
                    double ratio = (us(newLat, 50) - us(oldLat, 50)) / us(diskHere, 50);
                    report.note(String.format(Locale.ROOT, "issue 27 goal, 1 sender, added p50 within 1.5x of the disk's fdatasync: %s (%.2f x)",
                            ratio <= 1.5 ? "MET" : "NOT MET", ratio));
                }
            }
            report.figure("disk: new file + fdatasync + rename (the previous spool's way per batch), p50", us(newFile, 50), "us");
            report.figure("the previous spool's path, 1 sender, emulated (hand-off + new file + fdatasync + rename + hand-back), p50",
                    us(oldWay, 50), "us");
            report.figure("disk fdatasync beside it, p50", us(oldWayDisk, 50), "us");
            report.ratio("the previous spool's path (emulated) / disk fdatasync p50", us(oldWay, 50), us(oldWayDisk, 50));
            for (IndexNames names : created) {
                es.client().indices().delete(d -> d.index(names.index()).ignoreUnavailable(true));
            }
        } finally {
            scheduler.shutdownNow();
            try (var left = Files.list(syncDir)) {
                for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) left::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(syncDir);
        }
    }

    private static double us(Latencies l, double percentile) {
        return l.percentileMillis(percentile) * 1000;
    }

    private static Run run(URI url, ScheduledExecutorService scheduler, List<IndexNames> created, CaptureDurability mode,
            int senders, int n, Latencies latencies) throws Exception {
        return run(url, scheduler, created, mode, senders, n, latencies, null, null);
    }

    /**
     * @param baseline with one sender: after each capture, one fdatasync of the disk's own, timed into
     *                 {@code disk} (the ratio then compares captures and syncs made side by side)
     */
    private static Run run(URI url, ScheduledExecutorService scheduler, List<IndexNames> created, CaptureDurability mode,
            int senders, int n, Latencies latencies, DiskSync.Baseline baseline, Latencies disk) throws Exception {
        IndexNames names = IndexNames.prefixed("bench-dur-" + UUID.randomUUID().toString().substring(0, 8) + "-");
        created.add(names);
        ArchiveConfig config = new ArchiveConfig(List.of(url), names, Files.createTempDirectory("bench-dur-spool"), 1L << 30,
                1_000_000, new WriterConfig(500, 5L << 20, Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofSeconds(5)),
                Duration.ZERO, 100, mode);
        try (ArchiveEngine engine = new ArchiveEngine(config, null, null, scheduler, Set.of("acme.test")::contains,
                System::currentTimeMillis)) {
            int each = n / senders;
            long[][] samples = new long[senders][each];
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < senders; t++) {
                int id = t;
                Thread th = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < each; i++) {
                        Stanza s = new Stanza("chat", "user" + id + "@acme.test/r", "user" + ((id + 1) % 50) + "@acme.test",
                                "c" + id + "-" + i, "message " + i + " of sender " + id + ": the quick brown fox", null, false, false);
                        long t0 = System.nanoTime();
                        engine.capture(s, Direction.OUTGOING);
                        samples[id][i] = System.nanoTime() - t0;
                        if (baseline != null && id == 0) {
                            try {
                                disk.add(baseline.sample());
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }
                    }
                }, "bench-sender-" + t);
                th.start();
                threads.add(th);
            }
            long start = System.nanoTime();
            go.countDown();
            for (Thread th : threads) {
                th.join();
            }
            double pathRate = (double) each * senders / ((System.nanoTime() - start) / 1e9);
            while (engine.stats().stored() < (long) each * senders) {
                Thread.sleep(1);
                if (engine.stats().dropped() > 0 || engine.stats().rejected() > 0) {
                    throw new IllegalStateException("lost messages: " + engine.stats().dropped() + " dropped, "
                            + engine.stats().rejected() + " rejected");
                }
            }
            double storedRate = (double) each * senders / ((System.nanoTime() - start) / 1e9);
            for (long[] s : samples) {
                for (long v : s) {
                    latencies.add(v);
                }
            }
            return new Run(pathRate, storedRate);
        }
    }
}
