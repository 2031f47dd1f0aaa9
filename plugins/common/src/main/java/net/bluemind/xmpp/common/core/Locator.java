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
import java.util.Optional;
import net.bluemind.xmpp.common.settings.Keys;
import net.bluemind.xmpp.common.settings.Settings;

/**
 * bm-locator (contract section 4): which host serves a tag such as {@code bm/core} or {@code bm/es}. The
 * locator runs on bm.ini's {@code locator} host, else its {@code host}, port {@code locator-port}.
 */
public final class Locator {

    private final Path bmIni;
    private final int port;
    private final Duration timeout;
    private final HttpClient http;

    public Locator(Settings settings, HttpClient http) {
        this.bmIni = settings.get(Keys.BM_INI);
        this.port = settings.get(Keys.LOCATOR_PORT);
        this.timeout = settings.get(Keys.CORE_READ_TIMEOUT);
        this.http = http;
    }

    /** bm.ini's {@code host}, the fallback when the locator cannot answer. */
    public Optional<String> iniHost() throws CoreException {
        return ini().host();
    }

    /** The first address bm-locator gives for a kind/tag, e.g. {@code "bm/es"}. */
    public String host(String kindAndTag) throws CoreException {
        BmIni ini = ini();
        Optional<String> locatorHost = ini.locator().or(ini::host);
        if (locatorHost.isEmpty()) {
            throw unavailable(bmIni + " has neither 'host' nor 'locator'", null);
        }
        URI locator = uri(locatorHost.get(), port, "/location/host/" + kindAndTag + "/admin0@global.virt");
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(locator).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw unavailable("bm-locator at " + locator + " cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while asking bm-locator at " + locator, e);
        }
        if (r.statusCode() == 404) {
            throw unavailable("bm-locator at " + locator + " knows no " + kindAndTag + " server (HTTP 404)", null);
        }
        if (r.statusCode() != 200) {
            throw unavailable("bm-locator at " + locator + " answered HTTP " + r.statusCode(), null);
        }
        String ip = r.body().lines().map(String::trim).filter(l -> !l.isEmpty()).findFirst().orElse("");
        if (ip.isEmpty() || !ip.matches("[0-9A-Za-z.:\\-\\[\\]]+")) {
            String body = r.body().length() > 80 ? r.body().substring(0, 80) + "..." : r.body();
            throw unavailable("bm-locator at " + locator + " answered no usable address: '" + body + "'", null);
        }
        return ip;
    }

    /** {@code http://host:port/path}, with IPv6 brackets handled. */
    public static URI uri(String host, int port, String path) throws CoreException {
        try {
            return new URI("http", null, host.replaceAll("^\\[|\\]$", ""), port, path, null, null);
        } catch (URISyntaxException e) {
            throw unavailable("'" + host + "' is not a usable host name: " + e.getMessage(), e);
        }
    }

    private BmIni ini() throws CoreException {
        try {
            return BmIni.read(bmIni);
        } catch (NoSuchFileException e) {
            throw unavailable(bmIni + " (setting bm-ini) does not exist", null);
        } catch (IOException e) {
            throw unavailable(bmIni + " cannot be read: " + e, e);
        }
    }

    private static CoreException unavailable(String message, Throwable cause) {
        return new CoreException(CoreException.Kind.UNAVAILABLE, message, cause);
    }
}
