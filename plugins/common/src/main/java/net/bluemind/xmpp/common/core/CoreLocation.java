package net.bluemind.xmpp.common.core;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import net.bluemind.xmpp.common.settings.Keys;
import net.bluemind.xmpp.common.settings.Settings;

/**
 * Where bm-core's API is: the {@code core-url} setting (several URLs: the first that answers, moving to the
 * next when one cannot be reached), else the host bm-locator names for {@code bm/core} (locator host: bm.ini's
 * {@code locator}, else its {@code host}), else bm.ini's {@code host} when the locator cannot answer. A
 * located address is reused for {@code locator-cache-ttl}, and forgotten when bm-core cannot be reached there.
 */
final class CoreLocation {

    private static final Logger LOG = Logger.getLogger(CoreLocation.class.getName());
    static final String LOCATOR_PATH = "/location/host/bm/core/admin0@global.virt";

    private final List<URI> configured;
    private final Path bmIni;
    private final Locator locator;
    private final int corePort;
    private final long ttlNanos;

    private URI located;
    private long locatedAt;
    /** index in {@link #configured} of the URL in use */
    private int current;

    CoreLocation(Settings settings, HttpClient http) {
        this.configured = settings.get(Keys.CORE_URL);
        this.bmIni = settings.get(Keys.BM_INI);
        this.locator = new Locator(settings, http);
        this.corePort = settings.get(Keys.CORE_PORT);
        this.ttlNanos = settings.get(Keys.LOCATOR_CACHE_TTL).toNanos();
    }

    /** The API base, e.g. {@code http://10.0.0.5:8090/api} (no trailing slash). */
    synchronized URI apiBase() throws CoreException {
        if (!configured.isEmpty()) {
            return withApiPath(configured.get(current));
        }
        if (located == null || System.nanoTime() - locatedAt > ttlNanos) {
            located = locate();
            locatedAt = System.nanoTime();
        }
        return located;
    }

    /**
     * bm-core could not be reached at {@code unreachable}: the next configured URL is used from now on, or the
     * locator is asked again next time.
     */
    synchronized void forget(URI unreachable) {
        if (configured.size() > 1) {
            if (unreachable.toString().startsWith(withApiPath(configured.get(current)).toString())) {
                current = (current + 1) % configured.size();
                URI next = configured.get(current);
                LOG.warning(() -> "bm-core does not answer at " + unreachable.getHost() + ":" + unreachable.getPort()
                        + "; using " + next + " (core-url)");
            }
            return;
        }
        located = null;
    }

    /** How many addresses a call may try: every configured URL, else one. */
    synchronized int addresses() {
        return Math.max(1, configured.size());
    }

    private URI locate() throws CoreException {
        if (!java.nio.file.Files.exists(bmIni)) {
            throw unavailable("core-url is empty and " + bmIni + " (setting bm-ini) does not exist", null);
        }
        try {
            return Locator.uri(locator.host("bm/core"), corePort, "/api");
        } catch (CoreException e) {
            Optional<String> host = locator.iniHost();
            if (host.isPresent()) {
                LOG.warning(() -> e.getMessage() + "; using bm-core on " + host.get() + " (bm.ini 'host')");
                return Locator.uri(host.get(), corePort, "/api");
            }
            throw new CoreException(e.kind(), "core-url is empty and " + e.getMessage(), e);
        }
    }

    private static URI withApiPath(URI base) {
        String s = base.toString().replaceAll("/+$", "");
        return URI.create(s.endsWith("/api") ? s : s + "/api");
    }

    private static CoreException unavailable(String message, Throwable cause) {
        return new CoreException(CoreException.Kind.UNAVAILABLE, message, cause);
    }
}
