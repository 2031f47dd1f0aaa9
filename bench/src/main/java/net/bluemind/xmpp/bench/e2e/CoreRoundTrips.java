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
 * simulator over HTTP, {@code concurrency} at a time, once per user: a cold login's floor is this plus a warm login.
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
                    HttpRequest req = HttpRequest.newBuilder(URI.create(core.baseUrl() + "/api/auth/validate?login="
                            + users.get(i) + "&origin=bm-xmpp")).header("X-BM-ApiKey", core.apiToken())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("\"" + password + "\"")).build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 200) {
                            synchronized (times) {
                                times.add(System.nanoTime() - t0);
                            }
                        }
                    } catch (java.io.IOException e) {
                        // not counted: the figure is the latency of answers
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
}
