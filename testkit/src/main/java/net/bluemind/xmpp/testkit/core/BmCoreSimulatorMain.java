package net.bluemind.xmpp.testkit.core;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the bm-core simulator on its own, for the local stack:
 * {@code BmCoreSimulatorMain --port 8090 [--fixture file.json] [--token-file path]}.
 */
public final class BmCoreSimulatorMain {

    private BmCoreSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 8090;
        Path fixture = null;
        Path tokenFile = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(required(args[i], value));
                case "--fixture" -> fixture = Path.of(required(args[i], value));
                case "--token-file" -> tokenFile = Path.of(required(args[i], value));
                default -> usage("unknown argument " + args[i]);
            }
            i++;
        }
        BmCoreSimulator sim = fixture == null ? BmCoreSimulator.start(port) : BmCoreSimulator.start(fixture, port);
        String tokenInfo = "";
        if (tokenFile != null) {
            sim.writeTokenTo(tokenFile);
            tokenInfo = ", API token in " + tokenFile;
        }
        System.out.println("bm-core simulator: API " + sim.baseUrl() + "/api, bm-locator " + sim.baseUrl()
                + "/location/host/..." + tokenInfo + " (fixture " + (fixture == null ? "built-in" : fixture) + ")");
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close));
        new CountDownLatch(1).await();
    }

    private static String required(String flag, String value) {
        if (value == null) {
            usage(flag + " needs a value");
        }
        return value;
    }

    private static void usage(String problem) {
        System.err.println(problem + "\nusage: BmCoreSimulatorMain --port 8090 [--fixture file.json] [--token-file path]");
        System.exit(2);
    }
}
