package net.bluemind.xmpp.bench.e2e;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import net.bluemind.xmpp.bench.Benchmark;
import net.bluemind.xmpp.bench.Latencies;
import net.bluemind.xmpp.bench.Report;
import net.bluemind.xmpp.testkit.services.ArchiveCount;
import net.bluemind.xmpp.testkit.tigase.ProcessSample;

/**
 * A real Tigase (TIGASE_HOME) carrying real TLS sessions, with the bundle and without it, in one run: login
 * storm (cold, warm, Tigase's own auth), directory fetches, steady chat with the archive on and off, MAM over a
 * large archive, memory per session. Sizes: {@code -Dbmx.load.users} (2000), {@code bmx.load.chat-users} (1000),
 * {@code bmx.load.chat-seconds} (60), {@code bmx.load.chat-interval-ms} (4000 per user), {@code bmx.load.history}
 * (1000000), {@code bmx.load.concurrency} (32 logins at a time), {@code bmx.load.core-latency-ms} (0: the simulated
 * bm-core's answer delay), {@code bmx.load.logins-only} (false: only the storms and memory), {@code bmx.load.chat-only}
 * (false: only steady chat with the archive spooled before routing, after routing, and off).
 * {@code bmx.load.open-loop} (false): issue 27's load instead of {@code concurrency} at a time: the users arrive one
 * every {@code bmx.load.arrival-interval-ms} (60: 1,000 users, the default then, over 60 s), whatever the logins
 * before them are doing, each login timed from when it was due ({@link ArrivalStorm}); logins only, and the goals
 * printed with MET / NOT MET, and whether the machine held the rate.
 */
public final class E2eLoadBenchmark implements Benchmark {

    /** Issue 27's load: users arriving at a rate (open loop) instead of {@link #concurrency} at a time; logins only. */
    private final boolean openLoop = Boolean.getBoolean("bmx.load.open-loop");
    /** Open loop: one user arriving every so many ms (60: the issue's 1,000 users over 60 s). */
    private final long arrivalInterval = Long.getLong("bmx.load.arrival-interval-ms", 60);
    private final int users = Integer.getInteger("bmx.load.users", openLoop ? 1000 : 2000);
    private final int chatUsers = Integer.getInteger("bmx.load.chat-users", 1000);
    private final int chatSeconds = Integer.getInteger("bmx.load.chat-seconds", 60);
    private final long chatInterval = Long.getLong("bmx.load.chat-interval-ms", 4000);
    private final int history = Integer.getInteger("bmx.load.history", 1_000_000);
    private final int concurrency = Integer.getInteger("bmx.load.concurrency", 32);
    /** How long the simulated bm-core takes to answer (a real one sits behind a proxy, with its own work to do). */
    private final long coreLatency = Long.getLong("bmx.load.core-latency-ms", 0);
    /** Only the login storms and memory (quick, to compare login paths). */
    private final boolean loginsOnly = Boolean.getBoolean("bmx.load.logins-only") || openLoop;
    /** Open loop: the waves whose arrival rate the machine did not hold. */
    private final List<String> overloaded = new java.util.ArrayList<>();
    /** Only steady chat, archive on (spooled before routing, then after) and off: what archiving costs a message. */
    private final boolean chatOnly = Boolean.getBoolean("bmx.load.chat-only");

    @Override
    public String name() {
        return "e2e";
    }

    @Override
    public String description() {
        return "a real Tigase under load (needs TIGASE_HOME): logins/s, delivery latency archive on vs off, MAM, vCards, memory per session";
    }

    @Override
    public boolean inDefaultRun() {
        return false; // about 15 minutes and a Tigase install: scripts/bench.sh e2e
    }

    @Override
    public void run(Report report) throws Exception {
        String home = System.getenv("TIGASE_HOME");
        if (home == null || home.isBlank()) {
            report.note("skipped: set TIGASE_HOME to a Tigase 8.4.0 install (docs/developers-guide.md, 'Benchmarks')");
            return;
        }
        report.note(String.format(Locale.ROOT, "%d directory users, %d logins at a time, bm-core answers in +%d ms, chat: %d users, one message each per %d ms for %d s, history %d messages; Tigase -Xmx%s",
                users, concurrency, coreLatency, chatUsers, chatInterval, chatSeconds, history, System.getProperty("bmx.tigase.xmx", "512m")));
        if (openLoop) {
            report.note(String.format(Locale.ROOT, "open loop (issue 27's load): %d users arriving one every %d ms (%.1f/s over %.0f s),"
                    + " each login timed from its arrival; a user's first login ever (filling Tigase's store) stays %d at a time",
                    users, arrivalInterval, 1000.0 / arrivalInterval, users * arrivalInterval / 1000.0, concurrency));
        }
        try (LoadStack stack = new LoadStack(Path.of(home), users)) {
            if (coreLatency > 0) {
                stack.core.slow(java.time.Duration.ofMillis(coreLatency));
            }
            if (chatOnly) {
                archiveCost(report, stack);
                return;
            }
            // issue 27: the login settings as they were, then as they are (below), the JDK floor and bm-core's latency
            Storms before = storms(report, stack, LoadStack.Server.BUNDLE_BEFORE, "before", "cold (bm-core asked)", "warm (cached)");
            LoginStorm.closeAll(before.again().sessions());
            // with the bundle, archive on
            Storms bundle = storms(report, stack, LoadStack.Server.BUNDLE, "bundle", "cold (bm-core asked)", "warm (cached)");
            LoginStorm.Result cold = bundle.first();
            LoginStorm.Result warm = bundle.again();
            ProcessSample idle = bundle.idle();
            ProcessSample loaded = bundle.loaded();
            Floors floors = floors(report, stack);
            if (loginsOnly) {
                LoginStorm.closeAll(warm.sessions());
                Storms alone = baseline(report, stack, cold, warm, idle, loaded);
                goals(report, before, bundle, floors, alone);
                return;
            }

            DirectoryFetches.Result dir = DirectoryFetches.run(warm.sessions(), "alice@" + LoadStack.DOMAIN, concurrency);
            report.figure("directory fetches", dir.requestsPerSecond(), "req/s");
            latencies(report, "directory fetch", dir.latencies());
            report.note(dir.requests() + " requests (vCard + avatar per session), " + dir.errors() + " not answered with a result");

            SteadyChat.Result on = chat(report, "archive on", stack, warm.sessions());
            LoadConnection owner = warm.sessions().stream().filter(c -> c.jid.equals(stack.users.get(0))).findFirst()
                    .orElseThrow(() -> new IllegalStateException(stack.users.get(0) + " is not logged in"));
            report.figure("history: " + history + " messages written", HistoryQueries.fill(stack.es, owner.jid, stack.users.get(1), history), "s");
            for (HistoryQueries.Query q : HistoryQueries.run(owner, stack.users.get(1), 100)) {
                latencies(report, "MAM " + q.name(), q.latencies());
                report.note("MAM " + q.name() + ": " + q.results() + " messages in the page");
            }
            LoginStorm.closeAll(warm.sessions());

            // with the bundle, archive off
            stack.start(LoadStack.Server.BUNDLE_ARCHIVE_OFF);
            LoginStorm.Result noArchive = LoginStorm.run(stack.users, LoadStack.PASSWORD, concurrency);
            SteadyChat.Result off = chat(report, "archive off", stack, noArchive.sessions());
            LoginStorm.closeAll(noArchive.sessions());
            report.ratio("delivered msg/s, archive on / off (goal >= 0.95)", on.deliveredPerSecond(), off.deliveredPerSecond());
            report.figure("p99 delivery, archive on - off (goal <= 1)",
                    on.latencies().percentileMillis(99) - off.latencies().percentileMillis(99), "ms");

            Storms alone = baseline(report, stack, cold, warm, idle, loaded);
            goals(report, before, bundle, floors, alone);
        }
    }

    /** Steady chat on three servers in a row: archive spooled before routing (the default), after routing, off. */
    private void archiveCost(Report report, LoadStack stack) throws Exception {
        java.util.Map<String, SteadyChat.Result> results = new java.util.LinkedHashMap<>();
        for (LoadStack.Server server : List.of(LoadStack.Server.BUNDLE, LoadStack.Server.BUNDLE_SPOOL_AFTER_ROUTING,
                LoadStack.Server.BUNDLE_ARCHIVE_OFF)) {
            stack.start(server);
            LoginStorm.Result in = LoginStorm.run(stack.users.subList(0, Math.min(chatUsers, stack.users.size())),
                    LoadStack.PASSWORD, concurrency);
            String label = switch (server) {
                case BUNDLE -> "archive on";
                case BUNDLE_SPOOL_AFTER_ROUTING -> "archive on, spooled after routing";
                default -> "archive off";
            };
            results.put(label, chat(report, label, stack, in.sessions()));
            LoginStorm.closeAll(in.sessions());
        }
        SteadyChat.Result off = results.get("archive off");
        results.forEach((label, r) -> {
            if (r != off) {
                report.ratio("delivered msg/s, " + label + " / off", r.deliveredPerSecond(), off.deliveredPerSecond());
                report.figure("p50 delivery, " + label + " - off", r.latencies().percentileMillis(50)
                        - off.latencies().percentileMillis(50), "ms");
                report.figure("p99 delivery, " + label + " - off", r.latencies().percentileMillis(99)
                        - off.latencies().percentileMillis(99), "ms");
            }
        });
    }

    /** The least a login can cost on this machine in this run: the JDK floor, and bm-core's own latency. */
    private record Floors(LoginStorm.Result jdk, Latencies core) {
    }

    /**
     * Issue 27's floors, measured with the same load as the storms: the JDK floor ({@link BareXmppServer}: JDK TLS
     * with the certificate the bundle made, the same login steps) and bm-core's {@code auth/validate} round trip.
     */
    private Floors floors(Report report, LoadStack stack) throws Exception {
        LoginStorm.Result bare;
        try (BareXmppServer jdk = new BareXmppServer(stack.certificate(), LoadStack.PASSWORD)) {
            bare = wave(report, "JDK floor", stack.users, user -> jdk.address());
            LoginStorm.closeAll(bare.sessions());
        }
        report.figure("logins, JDK floor (TLS + SASL PLAIN + bind)", bare.loginsPerSecond(), "logins/s");
        latencies(report, "login, JDK floor", bare.loginTimes());
        report.note("JDK floor, p50 per step:" + steps(bare) + "; " + bare.failed() + " failed");
        Latencies core = openLoop
                ? CoreRoundTrips.validateArriving(stack.core, stack.users, LoadStack.PASSWORD, arrivalInterval * 1_000_000)
                : CoreRoundTrips.validate(stack.core, stack.users, LoadStack.PASSWORD, concurrency);
        latencies(report, "bm-core auth/validate round trip", core);
        return new Floors(bare, core);
    }

    /** The goals' ratios, with MET / NOT MET ({@link LoginGoals}). */
    private void goals(Report report, Storms before, Storms bundle, Floors floors, Storms alone) {
        LoginGoals.print(report, new LoginGoals.Inputs(before.first(), before.again(), bundle.first(), bundle.again(),
                floors.jdk(), alone.again(), floors.core(), overloaded));
    }

    /**
     * One wave of logins by {@code users}: closed loop ({@link LoginStorm}, {@link #concurrency} at a time) or, with
     * {@link #openLoop}, arriving at the rate ({@link ArrivalStorm}, after a few seconds for the server to settle
     * from the wave before), with how the rate was held.
     */
    private LoginStorm.Result wave(Report report, String label, List<String> users,
            java.util.function.Function<String, String> serverOf) throws InterruptedException {
        if (!openLoop) {
            return LoginStorm.run(users, serverOf, LoadStack.PASSWORD, concurrency);
        }
        Thread.sleep(5_000);
        ArrivalStorm.Result r = ArrivalStorm.run(users, serverOf, LoadStack.PASSWORD, arrivalInterval * 1_000_000);
        report.note(label + ": " + r.rateLine());
        if (!r.arrivals().sustained()) {
            overloaded.add(label);
        }
        return r.logins();
    }

    private static String steps(LoginStorm.Result r) {
        return medians(LoadConnection.STEPS, r.stepMedians()) + " (TLS step:" + medians(LoadConnection.TLS_PARTS, r.tlsPartMedians()) + ")";
    }

    private static String medians(String[] names, double[] values) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            b.append(String.format(Locale.ROOT, " %s %.1f ms%s", names[i], values[i], i < values.length - 1 ? "," : ""));
        }
        return b.toString();
    }

    /** Tigase as it ships: its own auth and store, no archive; the same storms, compared with the bundle's. */
    private Storms baseline(Report report, LoadStack stack, LoginStorm.Result cold, LoginStorm.Result warm, ProcessSample idle,
            ProcessSample loaded) throws Exception {
        Storms alone = storms(report, stack, LoadStack.Server.TIGASE_ONLY, "Tigase alone", "first", "again");
        LoginStorm.Result base = alone.first();
        LoginStorm.Result base2 = alone.again();
        ProcessSample baseIdle = alone.idle();
        ProcessSample baseLoaded = alone.loaded();
        LoginStorm.closeAll(base2.sessions());
        report.ratio("logins/s, bundle cold / Tigase alone", cold.loginsPerSecond(), base.loginsPerSecond());
        report.ratio("logins/s, bundle warm / Tigase alone", warm.loginsPerSecond(), base2.loginsPerSecond());
        report.ratio("heap per session, bundle / Tigase alone", perSession(idle.heapKb(), loaded.heapKb(), warm),
                perSession(baseIdle.heapKb(), baseLoaded.heapKb(), base2));
        return alone;
    }

    /** Two storms on a fresh server (sessions of the second kept open), with its memory before and after. */
    private record Storms(LoginStorm.Result first, LoginStorm.Result again, ProcessSample idle, ProcessSample loaded) {
    }

    private Storms storms(Report report, LoadStack stack, LoadStack.Server server, String label, String first, String again)
            throws Exception {
        stack.start(server);
        if (server != LoadStack.Server.TIGASE_ONLY) {
            // the users' first login ever creates their rows in Tigase's store (autoCreateUser): rare in production;
            // then the server restarts, and "cold" is the first login of a day: store known, credential cache empty
            LoginStorm.closeAll(storm(report, label + ", first login ever", stack, false).sessions());
            stack.restart();
        }
        ProcessSample idle = ProcessSample.of(stack.pid());
        LoginStorm.Result one = storm(report, label + ", " + first, stack, true);
        LoginStorm.closeAll(one.sessions());
        LoginStorm.Result two = storm(report, label + ", " + again, stack, true);
        ProcessSample loaded = ProcessSample.of(stack.pid());
        memory(report, label, idle, loaded, two.sessions().size());
        return new Storms(one, two, idle, loaded);
    }

    /** A storm on the running server; {@code measured}: one the goals compare (open loop when asked), else closed loop. */
    private LoginStorm.Result storm(Report report, String label, LoadStack stack, boolean measured) throws InterruptedException {
        LoginStorm.Result r = measured ? wave(report, label, stack.users, user -> "127.0.0.1")
                : LoginStorm.run(stack.users, LoadStack.PASSWORD, concurrency);
        if (r.sessions().size() < stack.users.size() / 2) {
            throw new IllegalStateException(label + ": only " + r.sessions().size() + " of " + stack.users.size()
                    + " logins succeeded: " + r.failures());
        }
        report.figure("logins, " + label, r.loginsPerSecond(), "logins/s");
        latencies(report, "login, " + label, r.loginTimes());
        report.note(label + ", p50 per step:" + steps(r));
        report.note(label + ": " + r.sessions().size() + " sessions in " + String.format(Locale.ROOT, "%.1f", r.seconds())
                + " s, " + r.failed() + " failed" + (r.failures().isEmpty() ? "" : " " + r.failures()));
        return r;
    }

    private SteadyChat.Result chat(Report report, String label, LoadStack stack, List<LoadConnection> sessions) throws Exception {
        List<LoadConnection> chatting = sessions.subList(0, Math.min(chatUsers, sessions.size()));
        String tag = "loadchat" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        SteadyChat.Result r = SteadyChat.run(chatting, tag, chatInterval, chatSeconds);
        report.figure("delivered, " + label, r.deliveredPerSecond(), "msg/s");
        latencies(report, "delivery, " + label, r.latencies());
        report.note(label + ": " + chatting.size() + " users, " + r.sent() + " sent, " + r.delivered() + " delivered"
                + (label.startsWith("archive on") ? ", " + ArchiveCount.awaitWithWord(stack.es, tag, r.delivered(), java.time.Duration.ofSeconds(60)) + " in Elasticsearch" : ""));
        return r;
    }

    private static void latencies(Report report, String label, Latencies l) {
        if (l.count() == 0) {
            report.note(label + ": no sample");
            return;
        }
        report.figure(label + " p50", l.percentileMillis(50), "ms");
        report.figure(label + " p99", l.percentileMillis(99), "ms");
    }

    private static void memory(Report report, String label, ProcessSample idle, ProcessSample loaded, int sessions) {
        report.note(label + ": idle heap " + idle.heapKb() / 1024 + " MB, RSS " + idle.rssKb() / 1024 + " MB; with "
                + sessions + " sessions heap " + loaded.heapKb() / 1024 + " MB, RSS " + loaded.rssKb() / 1024 + " MB, threads "
                + loaded.threads());
        if (sessions > 0) {
            report.figure("heap per session, " + label, (loaded.heapKb() - idle.heapKb()) / (double) sessions, "KB");
            report.figure("RSS per session, " + label, (loaded.rssKb() - idle.rssKb()) / (double) sessions, "KB");
        }
    }

    private static double perSession(long idleKb, long loadedKb, LoginStorm.Result r) {
        return r.sessions().isEmpty() ? 0 : (loadedKb - idleKb) / (double) r.sessions().size();
    }
}
