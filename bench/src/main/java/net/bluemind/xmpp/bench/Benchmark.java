package net.bluemind.xmpp.bench;

/**
 * One named benchmark. Implementations are listed in
 * {@code META-INF/services/net.bluemind.xmpp.bench.Benchmark} and run by {@link BenchMain}. A benchmark
 * reports its figures, and the ratios between figures it measured in the same run (never against
 * numbers from another machine or another day), through the {@link Report}.
 */
public interface Benchmark {

    /** Short name used on the command line, e.g. {@code bus-roundtrip}. */
    String name();

    /** One line: what is measured. */
    String description();

    /** Runs the measurement; may start real services through testkit. An exception fails this benchmark only. */
    void run(Report report) throws Exception;

    /** Whether a run without names includes it; a long one (the end-to-end load) runs only when named. */
    default boolean inDefaultRun() {
        return true;
    }
}
