package net.bluemind.xmpp.bench.e2e;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.bluemind.xmpp.bench.Latencies;

/**
 * Scenario 1: every user connects, STARTTLS, logs in, binds and sends initial presence, {@code concurrency} at a
 * time, as fast as the server lets them (a Monday morning). The sessions stay open for the scenarios that follow.
 * Closed loop: a login starts when one of the {@code concurrency} before it ends, so its latency is mostly its wait
 * in the server's queues; {@link ArrivalStorm} is the open-loop kind (users arriving at a rate).
 */
final class LoginStorm {

    record Result(List<LoadConnection> sessions, Latencies loginTimes, double seconds, Map<String, Integer> failures) {
        /** The p50 of each login step ({@link LoadConnection#STEPS}) over the sessions, in ms. */
        double[] stepMedians() {
            double[] out = new double[LoadConnection.STEPS.length];
            for (int i = 0; i < out.length; i++) {
                Latencies l = new Latencies();
                for (LoadConnection c : sessions) {
                    l.add(c.stepNanos[i]);
                }
                out[i] = l.count() == 0 ? 0 : l.percentileMillis(50);
            }
            return out;
        }

        /** The p50 of each part of the TLS step ({@link LoadConnection#TLS_PARTS}) over the sessions, in ms. */
        double[] tlsPartMedians() {
            double[] out = new double[LoadConnection.TLS_PARTS.length];
            for (int i = 0; i < out.length; i++) {
                Latencies l = new Latencies();
                for (LoadConnection c : sessions) {
                    l.add(c.tlsPartNanos[i]);
                }
                out[i] = l.count() == 0 ? 0 : l.percentileMillis(50);
            }
            return out;
        }

        double loginsPerSecond() {
            return sessions.size() / seconds;
        }

        int failed() {
            return failures.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private LoginStorm() {
    }

    static Result run(List<String> users, String password, int concurrency) throws InterruptedException {
        return run(users, user -> "127.0.0.1", password, concurrency);
    }

    /** The same, each user logging in at the server {@code serverOf} names (a cluster node's address). */
    static Result run(List<String> users, java.util.function.Function<String, String> serverOf, String password,
            int concurrency) throws InterruptedException {
        ConcurrentLinkedQueue<LoadConnection> sessions = new ConcurrentLinkedQueue<>();
        Latencies times = new Latencies();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < users.size(); i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    try {
                        LoadConnection c = LoadConnection.login(serverOf.apply(users.get(i)), users.get(i), password, 30_000);
                        long took = System.nanoTime() - t0;
                        synchronized (times) {
                            times.add(took);
                        }
                        sessions.add(c);
                    } catch (Exception e) {
                        failures.merge(reason(e), 1, Integer::sum);
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(15, TimeUnit.MINUTES)) {
            pool.shutdownNow();
            throw new IllegalStateException("login storm still running after 15 minutes");
        }
        return new Result(List.copyOf(sessions), times, (System.nanoTime() - start) / 1e9, Map.copyOf(failures));
    }

    /** A failure's kind, without the parts that differ per connection (ids, JIDs). */
    static String reason(Exception e) {
        String m = String.valueOf(e.getMessage()).replaceAll("load\\d+@", "*@").replaceAll("id=['\"][^'\"]*['\"]", "");
        return e.getClass().getSimpleName() + ": " + m.substring(0, Math.min(120, m.length()));
    }

    static void closeAll(List<LoadConnection> sessions) {
        sessions.parallelStream().forEach(LoadConnection::close);
    }
}
