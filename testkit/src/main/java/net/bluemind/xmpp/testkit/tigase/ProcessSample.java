package net.bluemind.xmpp.testkit.tigase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a running JVM (Tigase) holds, read from outside: its heap right after a full GC (jcmd), resident memory,
 * threads and open files (/proc). Linux only.
 *
 * @param heapKb  heap in use after {@code GC.run}, -1 if jcmd could not tell
 */
public record ProcessSample(long heapKb, long rssKb, long threads, long files) {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");
    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

    public static ProcessSample of(long pid) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        run(jcmd, String.valueOf(pid), "GC.run");
        Matcher heap = USED.matcher(run(jcmd, String.valueOf(pid), "GC.heap_info"));
        Path proc = Path.of("/proc", String.valueOf(pid));
        Matcher rss = RSS.matcher(Files.readString(proc.resolve("status"), StandardCharsets.US_ASCII));
        return new ProcessSample(heap.find() ? Long.parseLong(heap.group(1)) : -1,
                rss.find() ? Long.parseLong(rss.group(1)) : -1, count(proc.resolve("task")), count(proc.resolve("fd")));
    }

    private static long count(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
