package net.bluemind.xmpp.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Side by side: the suite against Tigase with the bundle and without it (Tigase's own auth, vCard and archive).
 * {@code Compare with/results.tsv without/results.tsv}: per specification run/passed/failed both ways, then the
 * tests that fail only with the bundle (the bundle's), only without, and both ways (Tigase's own).
 */
public final class Compare {

    private Compare() {
    }

    public static void main(String[] args) throws IOException {
        List<Outcome> with = Report.read(Path.of(args[0]));
        List<Outcome> without = Report.read(Path.of(args[1]));
        Map<String, List<Outcome>> w = Report.bySpecification(with);
        Map<String, List<Outcome>> wo = Report.bySpecification(without);
        Set<String> specs = new TreeSet<>(w.keySet());
        specs.addAll(wo.keySet());
        StringBuilder sb = new StringBuilder("\n== side by side (run/passed/failed; n.p. = not possible, 4th = needs a 4th account)\n");
        sb.append(String.format("%-16s | %-26s | %-26s%n", "specification", "with the bundle", "without (Tigase's own)"));
        for (String s : specs) {
            sb.append(String.format("%-16s | %-26s | %-26s%n", s, cell(w.get(s)), cell(wo.get(s))));
        }
        sb.append(String.format("%-16s | %-26s | %-26s%n", "total", cell(with), cell(without)));
        Set<String> failWith = failed(with);
        Set<String> failWithout = failed(without);
        Set<String> ranWithout = without.stream().map(Outcome::test).collect(Collectors.toSet());
        Set<String> ranWith = with.stream().map(Outcome::test).collect(Collectors.toSet());
        Set<String> onlyWith = minus(failWith, failWithout);
        onlyWith.retainAll(ranWithout);
        Set<String> onlyWithout = minus(failWithout, failWith);
        onlyWithout.retainAll(ranWith);
        section(sb, "failing only WITH the bundle (caused by the bundle)", with, onlyWith);
        section(sb, "failing both ways (Tigase's own)", with, intersect(failWith, failWithout));
        section(sb, "failing only WITHOUT the bundle", without, onlyWithout);
        System.out.print(sb);
    }

    private static String cell(List<Outcome> list) {
        if (list == null) {
            return "-";
        }
        long p = list.stream().filter(o -> o.kind() == Outcome.Kind.PASSED).count();
        long f = list.stream().filter(o -> o.kind() == Outcome.Kind.FAILED).count();
        long np = list.stream().filter(o -> o.kind() == Outcome.Kind.NOT_POSSIBLE).count();
        long a = list.stream().filter(o -> o.kind() == Outcome.Kind.NEEDS_MORE_ACCOUNTS).count();
        return (p + f) + "/" + p + "/" + f + (np > 0 ? " n.p. " + np : "") + (a > 0 ? " 4th " + a : "");
    }

    private static Set<String> failed(List<Outcome> list) {
        return list.stream().filter(o -> o.kind() == Outcome.Kind.FAILED).map(Outcome::test).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> r = new TreeSet<>(a);
        r.removeAll(b);
        return r;
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        Set<String> r = new TreeSet<>(a);
        r.retainAll(b);
        return r;
    }

    private static void section(StringBuilder sb, String title, List<Outcome> source, Set<String> tests) {
        sb.append("\n== ").append(title).append(": ").append(tests.size()).append('\n');
        source.stream().filter(o -> tests.contains(o.test()) && o.kind() == Outcome.Kind.FAILED)
                .forEach(o -> sb.append("  [").append(o.specification()).append("] ").append(o.test()).append("\n      ")
                        .append(Report.cut(o.reason(), 300)).append('\n'));
    }
}
