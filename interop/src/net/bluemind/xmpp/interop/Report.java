package net.bluemind.xmpp.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Totals per specification and the failing tests, from a list of outcomes. */
final class Report {

    private Report() {
    }

    static void write(Path tsv, List<Outcome> outcomes) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("kind\tspecification\ttest\tmillis\treason");
        outcomes.forEach(o -> lines.add(o.tsv()));
        Files.write(tsv, lines);
    }

    static List<Outcome> read(Path tsv) throws IOException {
        List<Outcome> res = new ArrayList<>();
        for (String line : Files.readAllLines(tsv).subList(1, Files.readAllLines(tsv).size())) {
            String[] f = line.split("\t", 5);
            res.add(new Outcome(f[1], f[2].split("[.:]")[0], f[2], Outcome.Kind.valueOf(f[0]), f.length > 4 ? f[4] : "", Long.parseLong(f[3])));
        }
        return res;
    }

    /** "run R: P passed, F failed, N not possible, A need a 4th account" */
    static String counts(List<Outcome> outcomes) {
        int[] c = new int[Outcome.Kind.values().length];
        outcomes.forEach(o -> c[o.kind().ordinal()]++);
        String s = "run " + (c[0] + c[1]) + ": " + c[0] + " passed, " + c[1] + " failed";
        if (c[2] > 0) {
            s += ", " + c[2] + " not possible";
        }
        if (c[3] > 0) {
            s += ", " + c[3] + " need a 4th account";
        }
        return s;
    }

    static Map<String, List<Outcome>> bySpecification(List<Outcome> outcomes) {
        Map<String, List<Outcome>> m = new TreeMap<>();
        outcomes.forEach(o -> m.computeIfAbsent(o.specification(), k -> new ArrayList<>()).add(o));
        return m;
    }

    static String summary(List<Outcome> all, long seconds) {
        StringBuilder sb = new StringBuilder("\n== totals (" + seconds + " s): " + counts(all) + "\n");
        bySpecification(all).forEach((spec, list) -> sb.append(String.format("  %-16s %s%n", spec, counts(list))));
        sb.append("\n== failing tests, by specification\n");
        bySpecification(all).forEach((spec, list) -> {
            List<Outcome> failed = list.stream().filter(o -> o.kind() == Outcome.Kind.FAILED).toList();
            if (!failed.isEmpty()) {
                sb.append(spec).append('\n');
                failed.forEach(o -> sb.append("  ").append(o.test()).append("\n      ").append(cut(o.reason(), 300)).append('\n'));
            }
        });
        return sb.toString();
    }

    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max) + "...";
    }
}
