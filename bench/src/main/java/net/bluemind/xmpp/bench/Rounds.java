package net.bluemind.xmpp.bench;

import java.util.Arrays;

/** Figures measured over several interleaved rounds are reported as their median. */
public final class Rounds {

    private Rounds() {
    }

    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
