package net.bluemind.xmpp.testkit.services;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An address range delivered to this machine's loopback interface without being any interface's address (Linux
 * "AnyIP": {@code ip route add local <range> dev lo}): servers bind to its addresses and clients reach them, and
 * nothing leaves the machine. A cluster test needs it because Tigase's cluster connection manager never connects to
 * a node whose address is a loopback address (127/8) or one of this machine's interface addresses: it takes such a
 * node for itself. The range used is from 198.18.0.0/15, reserved for benchmarking (RFC 2544). Adding the route
 * needs root; it is removed at close only when it was added here.
 */
public final class LoopbackRoute implements AutoCloseable {

    private final String range;
    private final boolean added;

    private LoopbackRoute(String range, boolean added) {
        this.range = range;
        this.added = added;
    }

    /** Whether the range is routed already or can be (root). */
    public static boolean possible(String range) {
        return routed(range) || RunningUser.isRoot();
    }

    /** The range routed to the loopback interface: found so, or added (then removed at close). */
    public static LoopbackRoute ensure(String range) {
        if (routed(range)) {
            return new LoopbackRoute(range, false);
        }
        Command.Result r = ip("route", "add", "local", range, "dev", "lo");
        if (!r.ok()) {
            throw new ServiceException("cannot route " + range + " to the loopback interface (needs root): " + r.output());
        }
        return new LoopbackRoute(range, true);
    }

    private static boolean routed(String range) {
        Command.Result r = ip("route", "show", "table", "local", range);
        return r.ok() && r.output().contains(range);
    }

    private static Command.Result ip(String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of("ip"));
        cmd.addAll(List.of(args));
        return Command.run(cmd, Map.of(), Path.of("/"), Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        if (added) {
            ip("route", "del", "local", range, "dev", "lo");
        }
    }
}
