package net.bluemind.xmpp.vcard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import net.bluemind.xmpp.common.core.CoreClient;
import net.bluemind.xmpp.common.core.HttpCoreClient;
import net.bluemind.xmpp.common.settings.Settings;
import net.bluemind.xmpp.testkit.core.BmCoreSimulator;

/** Test support: the bm-core simulator and the real HTTP client pointed at it. */
public final class SimulatedCore implements AutoCloseable {

    public final BmCoreSimulator sim;
    public final CoreClient core;

    public SimulatedCore(Duration readTimeout) {
        sim = BmCoreSimulator.start();
        try {
            Path dir = Files.createTempDirectory("vcard-core");
            Path token = sim.writeTokenFile(dir);
            Settings settings = Settings.load(Map.of("core-url", sim.baseUrl().toString(), "core-token-file",
                    token.toString(), "core-read-timeout", readTimeout.toMillis() + "ms", "core-connect-timeout",
                    "500ms"));
            core = new HttpCoreClient(settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ContactDirectory directory() {
        return new ContactDirectory(core, new PhotoProcessor(192, 64 * 1024));
    }

    public VCardService service(Duration ttl, Executor background) {
        return new VCardService(directory(), ttl, 1000, background);
    }

    public VCardService service(Duration ttl, Executor background, LongSupplier clock) {
        return new VCardService(directory(), ttl, 1000, background, clock);
    }

    @Override
    public void close() {
        sim.close();
    }
}
