package net.bluemind.xmpp.bench.auth;

import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
import net.bluemind.xmpp.auth.fast.FastLogin;
import net.bluemind.xmpp.auth.fast.FastOutcome;
import net.bluemind.xmpp.auth.fast.FastRequest;
import net.bluemind.xmpp.auth.fast.FastTokens;
import net.bluemind.xmpp.auth.fast.HtSha256;
import net.bluemind.xmpp.auth.fast.MemoryTokenStore;
import net.bluemind.xmpp.auth.throttle.Throttle;
import net.bluemind.xmpp.bench.Benchmark;
import net.bluemind.xmpp.bench.Report;
import net.bluemind.xmpp.bench.Rounds;
import net.bluemind.xmpp.common.core.CoreClient;
import net.bluemind.xmpp.common.core.HttpCoreClient;
import net.bluemind.xmpp.common.settings.Keys;
import net.bluemind.xmpp.common.settings.Settings;
import net.bluemind.xmpp.testkit.core.BmCoreSimulator;

/**
 * A phone's reconnect through the auth engine, three ways in one run with the same client threads, against the bm-core
 * simulator over real loopback HTTP: a FAST login (XEP-0484, HT-SHA-256-NONE with the token a password login got), a
 * PLAIN login whose password is cached (warm), and one whose password is not (cold: one {@code auth/validate} per
 * login, identity known). FAST uses the in-memory token store: on a server the store is Tigase's user database (one
 * read and one write per login), which this does not measure. Every login must succeed, and FAST must not reach
 * bm-core, or the benchmark fails.
 */
public final class FastLoginBenchmark implements Benchmark {

    private static final int USERS = 50;
    private static final int THREADS = 4;
    private static final int ROUNDS = 3;
    private static final Duration ROUND_BUDGET = Duration.ofSeconds(3);

    @Override
    public String name() {
        return "auth-fast";
    }

    @Override
    public String description() {
        return "FAST token logins/s through the auth engine vs warm and cold PLAIN (simulator, real HTTP)";
    }

    @Override
    public void run(Report report) throws Exception {
        try (BmCoreSimulator sim = BmCoreSimulator.start()) {
            Path tokenFile = sim.writeTokenFile(Files.createTempDirectory("bench-fast"));
            Settings settings = Settings.load(Map.of(Keys.CORE_URL.key(), sim.baseUrl().toString(),
                    Keys.CORE_TOKEN_FILE.key(), tokenFile.toString(),
                    Keys.AUTH_THROTTLE_IP_FAILURES.key(), "100000"));
            CoreClient core = new HttpCoreClient(settings);
            AuthConfig config = AuthConfig.from(settings);
            Ticker ticker = Ticker.systemTicker();
            Throttle throttle = new Throttle(config.throttle(), ticker);
            IdentityResolver identities = new IdentityResolver(core, Duration.ofMinutes(10), 10_000, ticker);
            Authenticator warm = new Authenticator(core, config);
            Authenticator cold = new Authenticator(core, config, new CredentialCache(Duration.ZERO, 10_000, ticker),
                    identities, throttle);
            FastTokens tokens = new FastTokens(new MemoryTokenStore(), config.fastTokenTtl(), Clock.systemUTC());
            FastLogin fast = new FastLogin(tokens, throttle, config.defaultDomain());

            List<String> users = new ArrayList<>();
            List<byte[]> fastMessages = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                String user = sim.addUser("fast" + i + "@bluemind.test", "pw-" + i, "hasIM").defaultEmail();
                users.add(user);
                AuthOutcome o = warm.authenticate(plain(user, i), "bluemind.test", "192.0.2.2");
                if (!(o instanceof AuthOutcome.Success s)) {
                    throw new IllegalStateException("password login of " + user + " failed: " + o);
                }
                cold.authenticate(plain(user, i), "bluemind.test", "192.0.2.1"); // identity known from now on
                String token = tokens.issue(s.login(), s.identity(), agent(i)).token();
                fastMessages.add(htMessage(user, token));
            }
            Login viaFast = i -> {
                FastOutcome o = fast.authenticate(new FastRequest(fastMessages.get(i), "bluemind.test", "192.0.2.3",
                        agent(i), true, null, false, false));
                if (!(o instanceof FastOutcome.Accepted a) || !a.identity().jid().equals(users.get(i))) {
                    throw new IllegalStateException("FAST login of " + users.get(i) + " failed: " + o);
                }
            };
            Login viaWarm = i -> check(warm.authenticate(plain(users.get(i), i), "bluemind.test", "192.0.2.2"), users.get(i));
            Login viaCold = i -> check(cold.authenticate(plain(users.get(i), i), "bluemind.test", "192.0.2.1"), users.get(i));

            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                for (Login l : List.of(viaFast, viaWarm, viaCold)) {
                    measure(pool, l, Duration.ofSeconds(1)); // warm-up
                }
                double[] fasts = new double[ROUNDS];
                double[] warms = new double[ROUNDS];
                double[] colds = new double[ROUNDS];
                long fastCoreRequests = 0;
                long coldValidates = 0;
                for (int r = 0; r < ROUNDS; r++) { // interleaved, median of each
                    sim.resetCounters();
                    fasts[r] = measure(pool, viaFast, ROUND_BUDGET);
                    fastCoreRequests += sim.requests("/api/");
                    warms[r] = measure(pool, viaWarm, ROUND_BUDGET);
                    sim.resetCounters();
                    colds[r] = measure(pool, viaCold, ROUND_BUDGET);
                    coldValidates += sim.requests("/api/auth/validate");
                }
                if (fastCoreRequests != 0) {
                    throw new IllegalStateException("FAST logins reached bm-core: " + fastCoreRequests + " requests");
                }
                double fastRate = Rounds.median(fasts);
                double warmRate = Rounds.median(warms);
                double coldRate = Rounds.median(colds);
                report.note(USERS + " users, one token each, logging in in turn from " + THREADS
                        + " threads; simulator on loopback; FAST with the in-memory store");
                report.figure("FAST (HT-SHA-256-NONE, median of " + ROUNDS + " rounds)", fastRate, "logins/s");
                report.figure("FAST: mean time per login per thread", THREADS * 1e6 / fastRate, "us");
                report.figure("bm-core requests during the FAST runs", fastCoreRequests, "requests");
                report.figure("warm PLAIN (password cached)", warmRate, "logins/s");
                report.figure("cold PLAIN (one auth/validate per login)", coldRate, "logins/s");
                report.figure("cold PLAIN: mean time per login per thread", THREADS * 1e6 / coldRate, "us");
                report.figure("auth/validate during the cold runs", coldValidates, "requests");
                report.ratio("FAST/cold PLAIN", fastRate, coldRate);
                report.ratio("FAST/warm PLAIN", fastRate, warmRate);
                report.ratio("warm/cold PLAIN", warmRate, coldRate);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @FunctionalInterface
    private interface Login {
        void run(int index) throws Exception;
    }

    private static String agent(int i) {
        return "bench-phone-" + i;
    }

    private static byte[] plain(String user, int i) {
        return ("\0" + user + "\0pw-" + i).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] htMessage(String user, String token) {
        byte[] name = user.getBytes(StandardCharsets.UTF_8);
        byte[] mac = HtSha256.initiator(token);
        byte[] m = new byte[name.length + 1 + mac.length];
        System.arraycopy(name, 0, m, 0, name.length);
        System.arraycopy(mac, 0, m, name.length + 1, mac.length);
        return m;
    }

    private static void check(AuthOutcome o, String user) {
        if (!(o instanceof AuthOutcome.Success s) || !s.jid().equals(user)) {
            throw new IllegalStateException("login of " + user + " did not succeed: " + o);
        }
    }

    private static double measure(ExecutorService pool, Login login, Duration budget) throws Exception {
        long start = System.nanoTime();
        long end = start + budget.toNanos();
        List<Callable<Long>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int offset = t * (USERS / THREADS);
            tasks.add(() -> {
                long n = 0;
                int i = offset;
                while (System.nanoTime() < end) {
                    login.run(i++ % USERS);
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
