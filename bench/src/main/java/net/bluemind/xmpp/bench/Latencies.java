package net.bluemind.xmpp.bench;

import java.util.Arrays;

/** Samples of a duration in nanoseconds, and their percentiles. */
public final class Latencies {

    private long[] samples = new long[1024];
    private int count;

    public void add(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    /** Adds every sample of {@code other}. */
    public void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) {
            add(other.samples[i]);
        }
    }

    public int count() {
        return count;
    }

    /** The p-th percentile (0 < p <= 100) in milliseconds, nearest-rank. */
    public double percentileMillis(double p) {
        if (count == 0) {
            throw new IllegalStateException("no samples");
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * count);
        return sorted[Math.max(0, Math.min(count, rank) - 1)] / 1e6;
    }
}
