package net.bluemind.xmpp.bench.e2e;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.bluemind.xmpp.bench.Latencies;

/**
 * Scenario 4: what a client asks the directory right after login: a colleague's vCard (vcard-temp) and an avatar
 * (XEP-0084 data item), one session after the other from {@code concurrency} threads. Each answer must be a result.
 */
final class DirectoryFetches {

    record Result(int requests, int errors, double seconds, Latencies latencies) {
        double requestsPerSecond() {
            return requests / seconds;
        }
    }

    private DirectoryFetches() {
    }

    static Result run(List<LoadConnection> sessions, String avatarOwner, int concurrency) throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < sessions.size(); i = next.getAndIncrement()) {
                    LoadConnection c = sessions.get(i);
                    String colleague = sessions.get((i * 7 + 1) % sessions.size()).jid;
                    ask(c, "<iq type='get' id='vc" + i + "' to='" + colleague + "'><vCard xmlns='vcard-temp'/></iq>",
                            latencies, requests, errors);
                    ask(c, "<iq type='get' id='av" + i + "' to='" + avatarOwner + "'><pubsub xmlns='http://jabber.org/protocol/pubsub'>"
                            + "<items node='urn:xmpp:avatar:data' max_items='1'/></pubsub></iq>", latencies, requests, errors);
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
            pool.shutdownNow();
        }
        return new Result(requests.get(), errors.get(), (System.nanoTime() - start) / 1e9, latencies);
    }

    private static void ask(LoadConnection c, String iq, Latencies latencies, AtomicInteger requests, AtomicInteger errors) {
        long t0 = System.nanoTime();
        requests.incrementAndGet();
        try {
            c.send(iq);
            String answer = c.readUntil("</iq>", "directory answer");
            long took = System.nanoTime() - t0;
            String tail = answer.substring(Math.max(0, answer.lastIndexOf("<iq")));
            if (!tail.contains("type=\"result\"") && !tail.contains("type='result'")) {
                errors.incrementAndGet();
            }
            synchronized (latencies) {
                latencies.add(took);
            }
        } catch (Exception e) {
            errors.incrementAndGet();
        }
    }
}
