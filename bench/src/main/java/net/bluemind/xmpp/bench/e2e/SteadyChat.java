package net.bluemind.xmpp.bench.e2e;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.bluemind.xmpp.bench.Latencies;

/**
 * Scenario 2: sessions in pairs, each sending its partner a chat message every {@code intervalMillis}
 * (staggered), for {@code seconds}; every receiver reads its own stream. Each body carries the send time, so the
 * delivery latency is measured in this one JVM. The per-connection rate stays far below Tigase's client throttle.
 */
final class SteadyChat {

    record Result(long sent, long delivered, double seconds, Latencies latencies) {
        double deliveredPerSecond() {
            return delivered / seconds;
        }
    }

    private SteadyChat() {
    }

    static Result run(List<LoadConnection> sessions, String tag, long intervalMillis, int seconds) throws Exception {
        int n = sessions.size() - sessions.size() % 2;
        Pattern body = Pattern.compile(Pattern.quote(tag) + " n\\d+ t(\\d+)");
        Latencies latencies = new Latencies();
        AtomicLong sent = new AtomicLong();
        AtomicLong delivered = new AtomicLong();
        long stopReadingAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 10L);
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            LoadConnection c = sessions.get(i);
            c.readTimeout(1000);
            Thread reader = new Thread(() -> {
                while (System.nanoTime() < stopReadingAt) {
                    String stanza;
                    try {
                        stanza = c.readUntil("</message>", "chat message");
                    } catch (LoadConnection.LoginFailed timeout) {
                        continue; // idle second, or closed: the deadline ends the loop
                    } catch (IOException e) {
                        return;
                    }
                    Matcher m = body.matcher(stanza);
                    while (m.find()) {
                        long took = System.nanoTime() - Long.parseLong(m.group(1));
                        delivered.incrementAndGet();
                        synchronized (latencies) {
                            latencies.add(took);
                        }
                    }
                }
            }, "load-reader-" + i);
            reader.setDaemon(true);
            reader.start();
            readers.add(reader);
        }
        ScheduledExecutorService senders = Executors.newScheduledThreadPool(4);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            LoadConnection from = sessions.get(i);
            String to = sessions.get(i ^ 1).jid;
            long offset = intervalMillis * i / n;
            senders.scheduleAtFixedRate(() -> {
                try {
                    from.send("<message type='chat' to='" + to + "'><body>" + tag + " n" + sent.incrementAndGet()
                            + " t" + System.nanoTime() + "</body></message>");
                } catch (IOException e) {
                    throw new IllegalStateException(from.jid + " cannot send", e);
                }
            }, offset, intervalMillis, TimeUnit.MILLISECONDS);
        }
        senders.awaitTermination(seconds, TimeUnit.SECONDS);
        senders.shutdownNow();
        double sending = (System.nanoTime() - start) / 1e9;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (delivered.get() < sent.get() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        for (Thread r : readers) {
            r.join(TimeUnit.SECONDS.toMillis(seconds + 15L));
        }
        return new Result(sent.get(), delivered.get(), sending, latencies);
    }
}
