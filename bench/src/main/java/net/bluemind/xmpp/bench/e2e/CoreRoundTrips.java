package net.bluemind.xmpp.bench.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.bluemind.xmpp.bench.Latencies;
import net.bluemind.xmpp.testkit.core.BmCoreSimulator;

/**
 * bm-core's own latency in the run: {@code auth/validate} (what a first login must ask) sent straight to the
 * simulator over HTTP, once per user, {@code concurrency} at a time or arriving at a rate as the logins do: a cold
 * login's floor is this plus a warm login.
 */
final class CoreRoundTrips {

    private CoreRoundTrips() {
    }

    static Latencies validate(BmCoreSimulator core, List<String> users, String password, int concurrency)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Latencies times = new Latencies();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        for (int t = 0; t < concurrency; t++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < users.size(); i = next.getAndIncrement()) {
                    try {
                        long took = once(http, core, users.get(i), password);
                        if (took >= 0) {
                            synchronized (times) {
                                times.add(took);
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
            pool.shutdownNow();
        }
        return times;
    }

    /**
     * The same, open loop: one request due every {@code intervalNanos}, timed from when it was due ({@link Arrivals}),
     * as {@link ArrivalStorm} times logins.
     */
    static Latencies validateArriving(BmCoreSimulator core, List<String> users, String password, long intervalNanos)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Latencies times = new Latencies();
        Arrivals.run(users.size(), intervalNanos, (i, due) -> {
            try {
                if (once(http, core, users.get(i), password) >= 0) {
                    long took = System.nanoTime() - due;
                    synchronized (times) {
                        times.add(took);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, 5);
        return times;
    }

    /** One {@code auth/validate}: its round trip in nanoseconds, or -1 when it was not answered with 200. */
    private static long once(HttpClient http, BmCoreSimulator core, String user, String password) throws InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(core.baseUrl() + "/api/auth/validate?login=" + user
                + "&origin=bm-xmpp")).header("X-BM-ApiKey", core.apiToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("\"" + password + "\"")).build();
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? System.nanoTime() - t0 : -1;
        } catch (java.io.IOException e) {
            return -1; // not counted: the figure is the latency of answers
        }
    }
}
