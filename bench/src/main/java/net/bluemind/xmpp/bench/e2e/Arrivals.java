package net.bluemind.xmpp.bench.e2e;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import net.bluemind.xmpp.bench.Latencies;

/**
 * Open-loop arrivals: task {@code i} is due at {@code start + i * interval}, whatever the earlier ones are still
 * doing (users arrive at a rate; they do not wait for each other), each on a thread of its own so that a slow one
 * delays nobody. A task is handed the time it was <em>due</em>, and measures its latency from there: when the driver
 * itself is late (a busy machine), the delay counts against the server's figures instead of vanishing from them
 * (no coordinated omission). How late the driver started tasks is measured too ({@link Outcome#startLag()}).
 */
final class Arrivals {

    /** One arrival: {@code index} in the wave, {@code dueNanos} when it was scheduled ({@link System#nanoTime()}). */
    interface Task {
        void run(int index, long dueNanos);
    }

    /**
     * What the wave was offered and what it got: {@code seconds} from the first arrival to the last task's end,
     * {@code startLag} how late each task started after it was due, {@code maxInFlight} the most tasks running at once.
     */
    record Outcome(int count, long intervalNanos, double seconds, Latencies startLag, int maxInFlight) {

        /** The rate the wave was offered: arrivals per second. */
        double offeredPerSecond() {
            return 1e9 / intervalNanos;
        }

        /** The rate the wave was served: tasks ended per second, first arrival to last end. */
        double servedPerSecond() {
            return seconds == 0 ? 0 : count / seconds;
        }

        /**
         * Whether the rate was held: the wave was served at no less than 95% of its offered rate (work that queues
         * without bound stretches the wave), and the driver started tasks within one interval of their due time at
         * p99. Either failing means the figures are those of an overloaded machine, not of the offered load.
         */
        boolean sustained() {
            return servedPerSecond() >= 0.95 * offeredPerSecond() && startLagMillis(99) <= intervalNanos / 1e6;
        }

        double startLagMillis(double percentile) {
            return startLag.count() == 0 ? 0 : startLag.percentileMillis(percentile);
        }
    }

    /** When arrival {@code index} is due in a wave that began at {@code startNanos}. */
    static long due(long startNanos, long intervalNanos, int index) {
        return startNanos + index * intervalNanos;
    }

    private Arrivals() {
    }

    /**
     * Runs {@code count} tasks, one due every {@code intervalNanos}, and waits for them all (at most
     * {@code deadlineMinutes} past the last arrival). A task's exceptions are its own to count.
     */
    static Outcome run(int count, long intervalNanos, Task task, int deadlineMinutes) throws InterruptedException {
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "arrival");
            t.setDaemon(true);
            return t;
        });
        Latencies lag = new Latencies();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        AtomicLong lastEnd = new AtomicLong();
        long start = System.nanoTime() + 50_000_000L; // the first arrival a little ahead, the pool's first thread ready
        for (int i = 0; i < count; i++) {
            long due = due(start, intervalNanos, i);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int index = i;
            threads.execute(() -> {
                long began = System.nanoTime();
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                synchronized (lag) {
                    lag.add(Math.max(0, began - due));
                }
                try {
                    task.run(index, due);
                } finally {
                    inFlight.decrementAndGet();
                    lastEnd.accumulateAndGet(System.nanoTime(), Math::max);
                }
            });
        }
        threads.shutdown();
        if (!threads.awaitTermination(deadlineMinutes, TimeUnit.MINUTES)) {
            threads.shutdownNow();
            throw new IllegalStateException("arrival wave still running " + deadlineMinutes + " minutes after its last arrival");
        }
        return new Outcome(count, intervalNanos, Math.max(0, lastEnd.get() - start) / 1e9, lag, maxInFlight.get());
    }
}
