package net.bluemind.xmpp.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.igniterealtime.smack.inttest.AbstractSmackIntTest;
import org.igniterealtime.smack.inttest.Configuration;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;

/**
 * Runs the XMPP interoperability suite (Smack's integration-test framework and smack-sint-server-extensions, on
 * the classpath) class by class, so that a test that aborts the framework costs only itself, and writes every
 * result to OUT/results.tsv. The framework itself is configured as usual by sinttest.* system properties (service,
 * host, the three accounts, securityMode, replyTimeout, enabledConnections...).
 *
 * <pre>java -cp sint.jar:classes net.bluemind.xmpp.interop.InteropMain OUT [XEP-0045,RFC6121,...]</pre>
 *
 * With a list, only those specifications run; -Dinterop.list=true lists the classes and exits. -Dinterop.streamManagement=true keeps XEP-0198 on (off by default:
 * Tigase then closes without its closing stream tag and each disconnect waits the whole reply timeout).
 */
public final class InteropMain {

    private InteropMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: InteropMain OUT_DIR [SPEC,SPEC...]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        Set<String> specs = args.length > 1 && !args[1].isBlank()
                ? Arrays.stream(args[1].split(",")).map(String::trim).map(s -> Configuration.normalizeSpecification(s).toUpperCase()).collect(Collectors.toSet())
                : Set.of();
        if (!Boolean.getBoolean("interop.streamManagement")) {
            XMPPTCPConnection.setUseStreamManagementDefault(false);
        }
        StartedTests started = StartedTests.install();
        List<Class<? extends AbstractSmackIntTest>> classes = new ArrayList<>(SuiteClasses.find());
        JdkTlsFirst.ensure();
        classes.removeIf(c -> !specs.isEmpty() && !specs.contains(SuiteClasses.specification(c).toUpperCase()));
        if (Boolean.getBoolean("interop.list")) {
            classes.forEach(c -> System.out.printf("%-16s %-60s %d tests%n", SuiteClasses.specification(c), c.getName(),
                    SuiteClasses.testMethods(c).size()));
            System.exit(0);
        }
        long start = System.currentTimeMillis();
        List<Outcome> all = new ArrayList<>();
        int i = 0;
        for (Class<? extends AbstractSmackIntTest> c : classes) {
            i++;
            long t0 = System.currentTimeMillis();
            JdkTlsFirst.ensure();
            List<Outcome> outcomes = new ClassRun(c, started).run();
            all.addAll(outcomes);
            Report.write(out.resolve("results.tsv"), all);
            System.out.printf("[%d/%d] %-14s %-55s %s (%d s)%n", i, classes.size(), SuiteClasses.specification(c), c.getSimpleName(),
                    Report.counts(outcomes), (System.currentTimeMillis() - t0) / 1000);
        }
        long seconds = (System.currentTimeMillis() - start) / 1000;
        String summary = Report.summary(all, seconds);
        Files.writeString(out.resolve("summary.txt"), summary);
        System.out.print(summary);
        System.exit(0);
    }
}
