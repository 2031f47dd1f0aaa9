package net.bluemind.xmpp.testkit.services;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TURN client allocating relays: coturn's {@value #BINARY} in client-to-client mode ({@code -y}: two
 * allocations that send each other a message through their relays), with a username and password, over UDP or
 * TCP. It exits 0 when the allocations and the exchange succeeded, 255 with "Cannot complete Allocation" when the
 * server refused the credentials.
 */
public final class TurnClient {

    static final String BINARY = "/usr/bin/turnutils_uclient";
    private static final Pattern RELAY = Pattern.compile("Received relay addr: (\\S+)");

    /** Its exit code, its output, and the relay addresses the server gave (empty when none). */
    public record Allocation(int exitCode, String output, List<String> relays, Duration took) {
        public boolean succeeded() {
            return exitCode == 0 && !relays.isEmpty();
        }
    }

    private TurnClient() {
    }

    public static Allocation allocate(String host, int port, String transport, String username, String password) {
        List<String> command = new ArrayList<>(List.of(BINARY, "-v", "-y", "-n", "1", "-m", "1", "-l", "100",
                "-p", Integer.toString(port), "-u", username, "-w", password));
        if ("tcp".equals(transport)) {
            command.add("-t");
        }
        command.add(host);
        long start = System.nanoTime();
        Command.Result r = Command.run(command, Map.of(), Path.of(System.getProperty("java.io.tmpdir")),
                Duration.ofSeconds(30));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        List<String> relays = new ArrayList<>();
        Matcher m = RELAY.matcher(r.output());
        while (m.find()) {
            relays.add(m.group(1));
        }
        return new Allocation(r.exitCode(), r.output(), List.copyOf(relays), took);
    }
}
