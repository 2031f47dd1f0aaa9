package net.bluemind.xmpp.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import net.bluemind.xmpp.common.core.CoreClient;
import net.bluemind.xmpp.common.core.HttpCoreClient;
import net.bluemind.xmpp.common.settings.Keys;
import net.bluemind.xmpp.common.settings.Settings;
import net.bluemind.xmpp.testkit.core.BmCoreSimulator;

/** The bm-core simulator plus the real HTTP client pointed at it, as the engine sees bm-core in production. */
final class SimulatedCore implements AutoCloseable {

    static final String VALIDATE = "/api/auth/validate";

    final BmCoreSimulator sim;
    final Settings settings;
    final CoreClient client;

    SimulatedCore(Map<String, String> extraSettings) {
        sim = BmCoreSimulator.start();
        Path dir;
        try {
            dir = Files.createTempDirectory("bmx-auth");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> raw = new java.util.HashMap<>(Map.of(
                Keys.CORE_URL.key(), sim.baseUrl().toString(),
                Keys.CORE_TOKEN_FILE.key(), sim.writeTokenFile(dir).toString(),
                Keys.CORE_READ_TIMEOUT.key(), "1500ms", // a loaded 2-core CI machine must never hit it by accident
                Keys.CORE_CONNECT_TIMEOUT.key(), "400ms",
                Keys.BM_INI.key(), dir.resolve("no-bm.ini").toString()));
        raw.putAll(extraSettings);
        settings = Settings.load(raw);
        client = new HttpCoreClient(settings);
    }

    SimulatedCore() {
        this(Map.of());
    }

    Authenticator authenticator(ManualTicker ticker) {
        return new Authenticator(client, AuthConfig.from(settings), ticker);
    }

    long validateCalls() {
        return sim.requests(VALIDATE);
    }

    @Override
    public void close() {
        sim.close();
    }
}
