package net.bluemind.xmpp.common.core;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import net.bluemind.xmpp.common.settings.Keys;
import net.bluemind.xmpp.common.settings.Settings;

/**
 * Where bm-core's API is: the {@code core-url} setting, else the host bm-locator names for {@code bm/core}
 * (locator host: bm.ini's {@code locator}, else its {@code host}), else bm.ini's {@code host} when the locator
 * cannot answer. A located address is reused for {@code locator-cache-ttl}, and forgotten when bm-core
 * cannot be reached there.
 */
final class CoreLocation {

    private static final Logger LOG = Logger.getLogger(CoreLocation.class.getName());
    static final String LOCATOR_PATH = "/location/host/bm/core/admin0@global.virt";

    private final List<URI> configured;
    private final Path bmIni;
    private final int locatorPort;
    private final int corePort;
    private final long ttlNanos;
    private final Duration readTimeout;
    private final HttpClient http;

    private URI located;
    private long locatedAt;

    CoreLocation(Settings settings, HttpClient http) {
        this.configured = settings.get(Keys.CORE_URL);
        this.bmIni = settings.get(Keys.BM_INI);
        this.locatorPort = settings.get(Keys.LOCATOR_PORT);
        this.corePort = settings.get(Keys.CORE_PORT);
        this.ttlNanos = settings.get(Keys.LOCATOR_CACHE_TTL).toNanos();
        this.readTimeout = settings.get(Keys.CORE_READ_TIMEOUT);
        this.http = http;
    }

    /** The API base, e.g. {@code http://10.0.0.5:8090/api} (no trailing slash). */
    synchronized URI apiBase() throws CoreException {
        if (!configured.isEmpty()) {
            return withApiPath(configured.get(0));
        }
        if (located == null || System.nanoTime() - locatedAt > ttlNanos) {
            located = locate();
            locatedAt = System.nanoTime();
        }
        return located;
    }

    /** bm-core could not be reached at the located address: ask the locator again next time. */
    synchronized void forget() {
        located = null;
    }

    private URI locate() throws CoreException {
        BmIni ini;
        try {
            ini = BmIni.read(bmIni);
        } catch (NoSuchFileException e) {
            throw unavailable("core-url is empty and " + bmIni + " (setting bm-ini) does not exist", null);
        } catch (IOException e) {
            throw unavailable("core-url is empty and " + bmIni + " cannot be read: " + e, e);
        }
        Optional<String> locatorHost = ini.locator().or(ini::host);
        if (locatorHost.isEmpty()) {
            throw unavailable("core-url is empty and " + bmIni + " has neither 'host' nor 'locator'", null);
        }
        URI locator = uri(locatorHost.get(), locatorPort, LOCATOR_PATH);
        try {
            return uri(askLocator(locator), corePort, "/api");
        } catch (CoreException e) {
            if (ini.host().isPresent()) {
                LOG.warning(() -> e.getMessage() + "; using bm-core on " + ini.host().get() + " (bm.ini 'host')");
                return uri(ini.host().get(), corePort, "/api");
            }
            throw e;
        }
    }

    private String askLocator(URI locator) throws CoreException {
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(locator).timeout(readTimeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw unavailable("bm-locator at " + locator + " cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while asking bm-locator at " + locator, e);
        }
        if (r.statusCode() == 404) {
            throw unavailable("bm-locator at " + locator + " knows no bm/core server (HTTP 404)", null);
        }
        if (r.statusCode() != 200) {
            throw unavailable("bm-locator at " + locator + " answered HTTP " + r.statusCode(), null);
        }
        String ip = r.body().lines().map(String::trim).filter(l -> !l.isEmpty()).findFirst().orElse("");
        if (ip.isEmpty() || !ip.matches("[0-9A-Za-z.:\\-\\[\\]]+")) {
            throw unavailable("bm-locator at " + locator + " answered no usable address: '" + abbreviate(r.body()) + "'",
                    null);
        }
        return ip;
    }

    private static URI withApiPath(URI base) {
        String s = base.toString().replaceAll("/+$", "");
        return URI.create(s.endsWith("/api") ? s : s + "/api");
    }

    private static URI uri(String host, int port, String path) throws CoreException {
        try {
            return new URI("http", null, host.replaceAll("^\\[|\\]$", ""), port, path, null, null);
        } catch (URISyntaxException e) {
            throw unavailable("'" + host + "' is not a usable host name: " + e.getMessage(), e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }

    private static CoreException unavailable(String message, Throwable cause) {
        return new CoreException(CoreException.Kind.UNAVAILABLE, message, cause);
    }
}
