package net.bluemind.xmpp.bench;

import java.io.PrintStream;
import java.util.Locale;

/** Where a benchmark prints its figures and ratios, one aligned line each. */
public final class Report {

    private final String benchmark;
    private final PrintStream out;
    private int lines;

    Report(String benchmark, PrintStream out) {
        this.benchmark = benchmark;
        this.out = out;
    }

    /** A measured figure, e.g. {@code figure("p99 latency", 1.7, "ms")}. */
    public void figure(String name, double value, String unit) {
        line(name, String.format(Locale.ROOT, "%12.3f %s", value, unit));
    }

    /** A ratio of two figures measured in this run, e.g. cached vs uncached. */
    public void ratio(String name, double numerator, double denominator) {
        String v = denominator == 0 ? "n/a (zero denominator)" : String.format(Locale.ROOT, "%12.2f x", numerator / denominator);
        line(name, v);
    }

    /** Context worth printing next to the figures (sizes, counts, settings). */
    public void note(String text) {
        out.printf(Locale.ROOT, "  %-22s %s%n", benchmark, text);
    }

    private void line(String name, String value) {
        lines++;
        out.printf(Locale.ROOT, "  %-22s %-40s %s%n", benchmark, name, value);
    }

    int lines() {
        return lines;
    }
}
