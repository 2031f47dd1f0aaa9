package net.bluemind.xmpp.bench.mam;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.bluemind.xmpp.archive.es.EsArchiveSearch;
import net.bluemind.xmpp.archive.es.EsConnection;
import net.bluemind.xmpp.archive.mam.MamAnswer;
import net.bluemind.xmpp.archive.mam.MamService;
import net.bluemind.xmpp.bench.Benchmark;
import net.bluemind.xmpp.bench.Latencies;
import net.bluemind.xmpp.bench.Report;
import net.bluemind.xmpp.testkit.services.ElasticsearchService;

/**
 * MAM over a million archived messages of one user ({@link MillionArchive}, loaded once and reused), in one run:
 * the last page, the first page with a contact and a full-text search, each through the engine ({@link MamService}
 * on the real Elasticsearch: parse, search(es), render) and the same search sent raw to Elasticsearch, through the
 * read alias and on the index itself (what the alias costs), and limited to the last day (the engine's first window
 * for newest-first pages); the old page shape (exact total) raw, for before/after; and BlueMind's own conversation
 * query. Interleaved rounds, so that the load of the shared machine falls on all alike.
 * Sizes: {@code -Dbmx.mam.messages} (1000000), {@code -Dbmx.mam.rounds} (400; the old shape every 4th round).
 */
public final class MamBenchmark implements Benchmark {

    private final int messages = Integer.getInteger("bmx.mam.messages", 1_000_000);
    private final int rounds = Integer.getInteger("bmx.mam.rounds", 400);
    private static final int WARM_UP = 30;
    private static final int OLD_EVERY = 4;

    @Override
    public String name() {
        return "mam";
    }

    @Override
    public String description() {
        return "MAM over 1,000,000 messages: last page, with a contact, full text; engine p99 (goal < 50 ms) and / raw ES (goal <= 2x); old shape (exact total) before";
    }

    @Override
    public boolean inDefaultRun() {
        return false; // the first run loads a million messages (minutes)
    }

    @Override
    public void run(Report report) throws Exception {
        URI url = ElasticsearchService.ensureStarted();
        try (EsConnection es = new EsConnection(List.of(url), Duration.ofSeconds(2), Duration.ofSeconds(300))) {
            MillionArchive.Loaded archive = MillionArchive.ensure(es, messages);
            if (archive.loadSeconds() < 0) {
                report.note("archive of " + archive.messages() + " messages reused (" + archive.names().index() + ")");
            } else {
                report.figure("loading " + archive.messages() + " messages", archive.loadSeconds(), "s");
                report.figure("loading rate", archive.messages() / archive.loadSeconds(), "msg/s");
            }
            // "now" is right after the newest message, however long ago the archive was loaded
            long now = archive.newest() + 1000;
            MamService mam = new MamService(new EsArchiveSearch(es.client(), archive.names(), () -> now), (user, room) -> false,
                    Set.of("bench.test")::contains, 100);
            String requester = MillionArchive.OWNER + "/bench";
            List<Measured> all = new ArrayList<>();
            long lastDay = now - Duration.ofDays(1).toMillis();
            for (MamScenario s : MamScenario.all(MillionArchive.OWNER, MillionArchive.OTHER)) {
                all.add(new Measured(s, new RawSearch(archive.names().readAlias(), RawSearch.engineBody(s.query())),
                        new RawSearch(archive.names().index(), RawSearch.engineBody(s.query())),
                        new RawSearch(archive.names().readAlias(), RawSearch.engineBody(s.query().from(lastDay))),
                        new RawSearch(archive.names().readAlias(), RawSearch.oldBody(s.query()))));
            }
            RawSearch blueMind = new RawSearch(archive.names().readAlias(),
                    RawSearch.blueMindConversation(MillionArchive.OWNER, MillionArchive.OTHER));
            Latencies blueMindLatencies = new Latencies();
            report.note(String.format(Locale.ROOT, "%d warm-up rounds, then %d rounds (old shape: every %dth), page of %d",
                    WARM_UP, rounds, OLD_EVERY, MamScenario.PAGE));
            for (int r = -WARM_UP; r < rounds; r++) {
                boolean measured = r >= 0;
                for (Measured m : all) {
                    m.round(es, mam, requester, measured, r % OLD_EVERY == 0);
                }
                time(() -> blueMind.send(es), measured ? blueMindLatencies : null);
            }
            for (Measured m : all) {
                m.report(report);
            }
            figures(report, "BlueMind's conversation query, raw", blueMindLatencies);
        }
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void time(Call c, Latencies into) throws Exception {
        long t0 = System.nanoTime();
        c.run();
        if (into != null) {
            into.add(System.nanoTime() - t0);
        }
    }

    private static void figures(Report report, String label, Latencies l) {
        report.figure(label + " p50", l.percentileMillis(50), "ms");
        report.figure(label + " p99", l.percentileMillis(99), "ms");
    }

    /** One scenario's four ways, measured side by side. */
    private static final class Measured {
        final MamScenario scenario;
        final RawSearch alias;
        final RawSearch index;
        final RawSearch lastDay;
        final RawSearch oldShape;
        final Latencies engine = new Latencies();
        final Latencies rawAlias = new Latencies();
        final Latencies rawIndex = new Latencies();
        final Latencies rawLastDay = new Latencies();
        final Latencies old = new Latencies();
        int results = -1;

        Measured(MamScenario scenario, RawSearch alias, RawSearch index, RawSearch lastDay, RawSearch oldShape) {
            this.scenario = scenario;
            this.alias = alias;
            this.index = index;
            this.lastDay = lastDay;
            this.oldShape = oldShape;
        }

        void round(EsConnection es, MamService mam, String requester, boolean measured, boolean withOld) throws Exception {
            time(() -> {
                MamAnswer a = mam.handle(requester, null, true, scenario.mam());
                results = a.messages().size();
            }, measured ? engine : null);
            time(() -> alias.send(es), measured ? rawAlias : null);
            time(() -> index.send(es), measured ? rawIndex : null);
            time(() -> lastDay.send(es), measured ? rawLastDay : null);
            if (withOld) {
                time(() -> oldShape.send(es), measured ? old : null);
            }
        }

        void report(Report report) {
            String n = scenario.name();
            report.note(n + ": " + results + " messages in the engine's page");
            figures(report, n + ", engine", engine);
            figures(report, n + ", raw ES", rawAlias);
            figures(report, n + ", raw ES on the index", rawIndex);
            figures(report, n + ", raw ES, last day only", rawLastDay);
            figures(report, n + ", before (exact total), raw", old);
            report.ratio(n + ": engine / raw p50", engine.percentileMillis(50), rawAlias.percentileMillis(50));
            report.ratio(n + ": engine / raw p99 (goal <= 2)", engine.percentileMillis(99), rawAlias.percentileMillis(99));
            report.ratio(n + ": before / engine p99", old.percentileMillis(99), engine.percentileMillis(99));
            report.ratio(n + ": raw alias / raw index p50", rawAlias.percentileMillis(50), rawIndex.percentileMillis(50));
        }
    }
}
