package net.bluemind.xmpp.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * Runs the benchmarks named on the command line (all when none; {@code --list} lists them) and prints
 * their figures. Exit code 1 when a benchmark failed or an unknown name was given.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        List<Benchmark> all = new ArrayList<>();
        ServiceLoader.load(Benchmark.class).forEach(all::add);
        if (args.length == 1 && args[0].equals("--list")) {
            all.forEach(b -> out.printf(Locale.ROOT, "%-22s %s%s%n", b.name(), b.description(),
                    b.inDefaultRun() ? "" : " (only when named)"));
            return;
        }
        List<Benchmark> selected = new ArrayList<>();
        for (String name : args) {
            Benchmark b = all.stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
            if (b == null) {
                System.err.println("unknown benchmark '" + name + "'; known: "
                        + all.stream().map(Benchmark::name).toList());
                System.exit(1);
            }
            selected.add(b);
        }
        if (selected.isEmpty()) {
            selected = all.stream().filter(Benchmark::inDefaultRun).toList();
        }
        int failed = 0;
        out.printf(Locale.ROOT, "bm-xmpp bench: %d benchmark(s), java %s, %d cpu(s)%n", selected.size(),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        for (Benchmark b : selected) {
            out.printf(Locale.ROOT, "%n== %s: %s%n", b.name(), b.description());
            Report report = new Report(b.name(), out);
            long start = System.nanoTime();
            try {
                b.run(report);
                out.printf(Locale.ROOT, "  (%s done in %.1f s)%n", b.name(), (System.nanoTime() - start) / 1e9);
            } catch (Exception | AssertionError e) {
                failed++;
                out.printf(Locale.ROOT, "  %s FAILED: %s%n", b.name(), e);
                e.printStackTrace(out);
            }
        }
        if (failed > 0) {
            out.printf(Locale.ROOT, "%n%d benchmark(s) failed%n", failed);
            System.exit(1);
        }
        System.exit(0); // services started by testkit are stopped by its shutdown hooks
    }
}
