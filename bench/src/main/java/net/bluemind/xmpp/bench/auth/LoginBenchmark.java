package net.bluemind.xmpp.bench.auth;

import net.bluemind.xmpp.bench.Rounds;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.bluemind.xmpp.auth.AuthConfig;
import net.bluemind.xmpp.auth.AuthOutcome;
import net.bluemind.xmpp.auth.Authenticator;
import net.bluemind.xmpp.auth.IdentityResolver;
import net.bluemind.xmpp.auth.cache.CredentialCache;
import net.bluemind.xmpp.auth.throttle.Throttle;
import net.bluemind.xmpp.bench.Benchmark;
import net.bluemind.xmpp.bench.Report;
import net.bluemind.xmpp.common.core.CoreClient;
import net.bluemind.xmpp.common.core.HttpCoreClient;
import net.bluemind.xmpp.common.core.ValidationResult;
import net.bluemind.xmpp.common.settings.Keys;
import net.bluemind.xmpp.common.settings.Settings;
import net.bluemind.xmpp.testkit.core.BmCoreSimulator;

/**
 * SASL PLAIN logins per second through the auth engine, against raw {@code auth/validate} calls to the bm-core
 * simulator over real loopback HTTP, in one run and with the same client threads:
 * <ul>
 * <li>raw: {@code CoreClient.validate} alone;</li>
 * <li>cold: every login misses the credential cache (its TTL is 0) while the user's directory identity is
 * known, the common case of a login whose credentials are not cached: one validate per login;</li>
 * <li>first: both caches cold (first login of a user after start: validate, domain, user, roles);</li>
 * <li>warm: every login hits the credential cache.</li>
 * </ul>
 * Every login parses a real PLAIN message and must succeed, or the benchmark fails.
 */
public final class LoginBenchmark implements Benchmark {

    private static final int USERS = 50;
    private static final int THREADS = 4;
    private static final Duration CORE_BUDGET = Duration.ofSeconds(5);
    private static final Duration WARM_BUDGET = Duration.ofSeconds(3);
    private static final int ROUNDS = 3;
    private static final Duration ROUND_BUDGET = Duration.ofSeconds(3);

    @Override
    public String name() {
        return "auth-login";
    }

    @Override
    public String description() {
        return "PLAIN logins/s through the auth engine (cold/warm cache) vs raw auth/validate (simulator, real HTTP)";
    }

    @Override
    public void run(Report report) throws Exception {
        try (BmCoreSimulator sim = BmCoreSimulator.start()) {
            Path token = sim.writeTokenFile(Files.createTempDirectory("bench-auth"));
            Settings settings = Settings.load(Map.of(Keys.CORE_URL.key(), sim.baseUrl().toString(),
                    Keys.CORE_TOKEN_FILE.key(), token.toString(),
                    // the benchmark's few client IPs must not be throttled by its (successful) logins
                    Keys.AUTH_THROTTLE_IP_FAILURES.key(), "100000"));
            List<String> users = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                users.add(sim.addUser("bench" + i + "@bluemind.test", "pw-" + i, "hasIM").defaultEmail());
            }
            CoreClient core = new HttpCoreClient(settings);
            AuthConfig config = AuthConfig.from(settings);
            Ticker ticker = Ticker.systemTicker();
            IdentityResolver identities = new IdentityResolver(core, Duration.ofMinutes(10), 10_000, ticker);
            Authenticator cold = new Authenticator(core, config, new CredentialCache(Duration.ZERO, 10_000, ticker),
                    identities, new Throttle(config.throttle(), ticker));
            Authenticator warm = new Authenticator(core, config);

            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                Login raw = (user, i) -> {
                    if (core.validate(user, "pw-" + i) != ValidationResult.PASSWORD) {
                        throw new IllegalStateException("validate refused " + user);
                    }
                };
                Login viaCold = (user, i) -> check(cold.authenticate(plain(user, i), "bluemind.test", "192.0.2.1"), user);
                Login viaWarm = (user, i) -> check(warm.authenticate(plain(user, i), "bluemind.test", "192.0.2.2"), user);

                for (int i = 0; i < users.size(); i++) { // every identity known, every warm credential cached
                    viaCold.run(users.get(i), i);
                    viaWarm.run(users.get(i), i);
                }
                measure(pool, users, raw, Duration.ofSeconds(1)); // warm-up: JIT, keep-alive connections
                measure(pool, users, viaCold, Duration.ofSeconds(1));
                measure(pool, users, viaWarm, Duration.ofSeconds(1));

                // raw and cold alternate over several rounds (median of each), so neither gains from running later
                double[] raws = new double[ROUNDS];
                double[] colds = new double[ROUNDS];
                long rawCalls = 0;
                long coldCalls = 0;
                long coldValidates = 0;
                for (int r = 0; r < ROUNDS; r++) {
                    sim.resetCounters();
                    raws[r] = measure(pool, users, raw, ROUND_BUDGET);
                    rawCalls += sim.requests("/api/");
                    sim.resetCounters();
                    colds[r] = measure(pool, users, viaCold, ROUND_BUDGET);
                    coldCalls += sim.requests("/api/");
                    coldValidates += sim.requests("/api/auth/validate");
                }
                double rawRate = Rounds.median(raws);
                double coldRate = Rounds.median(colds);
                double firstRate = firstLogins(core, config, users, sim);
                sim.resetCounters();
                double warmRate = measure(pool, users, viaWarm, WARM_BUDGET);
                long warmCalls = sim.requests("/api/");

                report.note(USERS + " users logging in in turn from " + THREADS + " threads; simulator on loopback");
                report.figure("raw auth/validate (median of " + ROUNDS + " rounds)", rawRate, "calls/s");
                report.figure("bm-core requests during the raw run", rawCalls, "requests");
                report.figure("cold credential cache (median of " + ROUNDS + " rounds, alternating with raw)", coldRate, "logins/s");
                report.figure("bm-core requests during the cold run", coldCalls, "requests");
                report.figure("of which auth/validate", coldValidates, "requests");
                report.figure("first logins (credential and identity caches cold)", firstRate, "logins/s");
                report.figure("warm credential cache", warmRate, "logins/s");
                report.figure("bm-core requests during the warm run", warmCalls, "requests");
                report.ratio("cold/raw (goal >= 0.9)", coldRate, rawRate);
                report.ratio("first-login/raw (4 bm-core calls per login, informative)", firstRate, rawRate);
                report.ratio("warm/raw (goal >= 20)", warmRate, rawRate);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** First logins of every user, each with a fresh engine: validate, domain lookup, user, roles. */
    private static double firstLogins(CoreClient core, AuthConfig config, List<String> users, BmCoreSimulator sim) {
        long start = System.nanoTime();
        long end = start + CORE_BUDGET.toNanos();
        long n = 0;
        while (System.nanoTime() < end) {
            Authenticator fresh = new Authenticator(core, config);
            for (int i = 0; i < users.size(); i++) {
                check(fresh.authenticate(plain(users.get(i), i), "bluemind.test", "192.0.2.3"), users.get(i));
                n++;
            }
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    @FunctionalInterface
    private interface Login {
        void run(String user, int index) throws Exception;
    }

    private static byte[] plain(String user, int i) {
        return ("\0" + user + "\0pw-" + i).getBytes(StandardCharsets.UTF_8);
    }

    private static void check(AuthOutcome o, String user) {
        if (!(o instanceof AuthOutcome.Success s) || !s.jid().equals(user)) {
            throw new IllegalStateException("login of " + user + " did not succeed: " + o);
        }
    }

    /** Logins per second over the budget, THREADS threads each cycling through the users. */
    private static double measure(ExecutorService pool, List<String> users, Login login, Duration budget)
            throws Exception {
        long start = System.nanoTime();
        long end = start + budget.toNanos();
        List<Callable<Long>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int offset = t * (users.size() / THREADS);
            tasks.add(() -> {
                long n = 0;
                int i = offset;
                while (System.nanoTime() < end) {
                    int k = i++ % users.size();
                    login.run(users.get(k), k);
                    n++;
                }
                return n;
            });
        }
        long total = 0;
        for (Future<Long> f : pool.invokeAll(tasks)) {
            total += f.get();
        }
        return total / ((System.nanoTime() - start) / 1e9);
    }
}
