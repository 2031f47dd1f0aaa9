package net.bluemind.xmpp.testkit.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A real HTTP server standing in for BlueMind's bm-core (REST API of contract section 1) and bm-locator
 * ({@code /location/host/<kind>/<tag>/<latd>}), on loopback, seeded from a JSON fixture. Tests can make it
 * slow, fail, answer garbage or go away, count what reached it, and change the directory while it runs.
 * See testkit/README.md.
 */
public final class BmCoreSimulator implements AutoCloseable {

    public static final String TOKEN_FILE_NAME = "bm-core.tok";

    private final Directory dir;
    private final FailureModes failures = new FailureModes();
    private final RequestLog log = new RequestLog();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "bm-core-simulator");
        t.setDaemon(true);
        return t;
    });
    private volatile String apiToken;
    private int port;
    private HttpServer server;

    static {
        // The JDK server writes headers and body in two segments; without TCP_NODELAY every keep-alive
        // request then waits ~40 ms for the client's delayed ACK (Nagle), which distorts benchmarks.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private BmCoreSimulator(FixtureLoader.Loaded fixture) {
        this.dir = fixture.directory();
        this.apiToken = fixture.apiToken();
    }

    /** The default fixture ({@code fixture/bm-core.json}) on a free loopback port. */
    public static BmCoreSimulator start() {
        return start(0);
    }

    /** The default fixture on that loopback port (0: any free port). */
    public static BmCoreSimulator start(int port) {
        return started(new BmCoreSimulator(FixtureLoader.defaultFixture()), port);
    }

    /** A fixture file of the same shape as the default one, on that loopback port (0: any free port). */
    public static BmCoreSimulator start(Path fixtureJson, int port) {
        return started(new BmCoreSimulator(FixtureLoader.fromFile(fixtureJson)), port);
    }

    private static BmCoreSimulator started(BmCoreSimulator sim, int port) {
        sim.port = port;
        sim.listen();
        return sim;
    }

    private synchronized void listen() {
        IOException last = null;
        for (int attempt = 0; attempt < 50; attempt++) { // the port may linger a moment after goAway()
            try {
                HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
                s.createContext("/", new SimulatorHandler(dir, failures, log, () -> apiToken));
                s.setExecutor(workers);
                s.start();
                server = s;
                port = s.getAddress().getPort();
                return;
            } catch (BindException e) {
                last = e;
                sleep(100);
            } catch (IOException e) {
                throw new UncheckedIOException("bm-core simulator cannot listen on 127.0.0.1:" + port, e);
            }
        }
        throw new UncheckedIOException("bm-core simulator cannot listen on 127.0.0.1:" + port, last);
    }

    // --- where and how to call it -------------------------------------------------------------

    /** {@code http://127.0.0.1:PORT}: the bm-core base URL without {@code /api}, also the locator's. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** The machine API token expected in {@code X-BM-ApiKey}. */
    public String apiToken() {
        return apiToken;
    }

    /** Changes the expected API token (as if bm-core's token had been renewed). */
    public void setApiToken(String token) {
        this.apiToken = Objects.requireNonNull(token);
    }

    /** Writes the API token to {@code dir/bm-core.tok} (one line, like /etc/bm/bm-core.tok) and returns that path. */
    public Path writeTokenFile(Path dir) {
        return writeTokenTo(dir.resolve(TOKEN_FILE_NAME));
    }

    /** Writes the API token, one line, to that file (its folder is created) and returns it. */
    public Path writeTokenTo(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, apiToken + "\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bm-core token file " + file, e);
        }
    }

    // --- failure control ----------------------------------------------------------------------

    /** Every answer comes after that delay. */
    public void slow(Duration delay) {
        failures.delay = Objects.requireNonNull(delay);
    }

    /** Every call (API and locator) answers that HTTP status with an error body. */
    public void failWith(int httpStatus) {
        failures.failStatus = httpStatus;
    }

    /** Every call answers 200 with a body that is not JSON. */
    public void garbage() {
        failures.garbage = true;
    }

    /**
     * Requests whose decoded path starts with the prefix get exactly this answer (e.g. a validation result
     * outside the contract, an item without uid, an empty photo), until {@link #healthy()}.
     */
    public void answer(String pathPrefix, int httpStatus, String contentType, String body) {
        failures.canned.put(pathPrefix, new Reply(httpStatus, contentType, body.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Closes a kept-alive connection when the next request arrives on it, without answering (what a proxy
     * or bm-core that closed an idle connection looks like to a client that reuses it: EOF before any byte).
     * Every connection serves exactly one request; until {@link #healthy()}.
     */
    public void closeReusedConnections() {
        failures.answered.clear();
        failures.closeReused = true;
    }

    /**
     * Closes each connection right after its answer, without telling the client (no {@code Connection: close}):
     * a client that reuses it before it sees the close loses its request. Until {@link #healthy()}.
     */
    public void closeAfterEachAnswer() {
        failures.closeAfterAnswer = true;
    }

    /** Every request's connection is closed without an answer (connections are accepted). Until {@link #healthy()}. */
    public void closeWithoutAnswer() {
        failures.closeAll = true;
    }

    /** Stops listening: calls get "connection refused" until {@link #comeBack()}. */
    public synchronized void goAway() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Listens again on the same port, with the same directory. */
    public synchronized void comeBack() {
        if (server == null) {
            listen();
        }
    }

    /** Clears every failure mode (and comes back if gone). */
    public void healthy() {
        failures.reset();
        comeBack();
    }

    // --- what reached it ----------------------------------------------------------------------

    /** Requests received whose decoded path starts with the prefix, e.g. {@code /api/users/} or {@code /location/}. */
    public long requests(String pathPrefix) {
        return log.requests(pathPrefix);
    }

    /** Distinct client connections seen (a client reusing connections keeps this low). */
    public int connections() {
        return log.connections();
    }

    /** Connections closed on purpose by {@link #closeReusedConnections()}, {@link #closeAfterEachAnswer()}, {@link #closeWithoutAnswer()}. */
    public long droppedConnections() {
        return log.droppedConnections();
    }

    /** The last {@code X-BM-Origin} header received, or null. */
    public String lastOrigin() {
        return log.lastOrigin();
    }

    public void resetCounters() {
        log.reset();
    }

    // --- the directory ------------------------------------------------------------------------

    /** The user owning that address or alias (the domain part may be a domain alias). */
    public SimulatedUser user(String email) {
        return dir.read(d -> {
            DirectoryUser u = d.requireUser(email);
            return new SimulatedUser(u.uid, u.domainUid, u.defaultEmail());
        });
    }

    /** The photo bytes bm-core serves for that user, if any. */
    public Optional<byte[]> photo(String email) {
        return dir.read(d -> Optional.ofNullable(d.requireUser(email).photo).map(byte[]::clone));
    }

    /** A BlueMind session token for that user: validate answers TOKEN when it is given as the secret. */
    public String sessionToken(String email) {
        return dir.read(d -> d.issueSessionToken(d.requireUser(email)));
    }

    /**
     * Ends a BlueMind session (as its expiry or a logout does): validate no longer answers TOKEN for it.
     * Fails when the simulator never issued that token or it has already expired.
     */
    public void expireSessionToken(String token) {
        if (!dir.read(d -> d.expireSessionToken(token))) {
            throw new IllegalArgumentException("no such live session token");
        }
    }

    /** Adds a user with one default address (allAliases), the password and roles, and a vCard holding its name. */
    public SimulatedUser addUser(String email, String password, String... roles) {
        int at = email.indexOf('@');
        if (at <= 0) {
            throw new IllegalArgumentException("not an email address: " + email);
        }
        String login = email.substring(0, at);
        dir.write(d -> {
            DirectoryDomain dom = d.requireDomain(email.substring(at + 1));
            if (d.userByEmail(dom.uid, email).isPresent()) {
                throw new IllegalArgumentException("the bm-core simulator already has a user with address " + email);
            }
            DirectoryUser u = new DirectoryUser("u-" + login + "-" + dom.uid, dom.uid, login);
            u.password = password;
            u.emails.add(new DirectoryUser.Email(login + "@" + dom.name, true, true));
            u.roles.addAll(Arrays.asList(roles));
            DirectoryUser.identification(u.vcard).putObject("formatedName").put("value", login);
            d.users.add(u);
        });
        return user(email);
    }

    public void addDomain(String name, String... aliases) {
        dir.write(d -> {
            if (d.lookupDomain(name).isPresent()) {
                throw new IllegalArgumentException("the bm-core simulator already has a domain " + name);
            }
            DirectoryDomain dom = new DirectoryDomain(name, name, false);
            dom.label = name;
            dom.description = "";
            dom.defaultAlias = name;
            dom.aliases.addAll(Arrays.asList(aliases));
            d.domains.put(name, dom);
        });
    }

    public void setDomainAliases(String name, String... aliases) {
        dir.write(d -> {
            DirectoryDomain dom = d.requireDomain(name);
            dom.aliases = new java.util.ArrayList<>(Arrays.asList(aliases));
            dom.version++;
        });
    }

    /**
     * Sets the installation's public host name, {@code values["external-url"]} of
     * {@code GET /api/system/configuration}; null removes it.
     */
    public void setExternalUrl(String hostOrNull) {
        dir.write(d -> {
            if (hostOrNull == null) {
                d.systemConfiguration.remove("external-url");
            } else {
                d.systemConfiguration.put("external-url", hostOrNull);
            }
        });
    }

    /** Sets one of a domain's settings ({@code GET /api/domains/<uid>/_settings}, e.g. domain.external.url); null removes it. */
    public void setDomainSetting(String domainName, String key, String valueOrNull) {
        dir.write(d -> {
            DirectoryDomain dom = d.requireDomain(domainName);
            if (valueOrNull == null) {
                dom.settings.remove(key);
            } else {
                dom.settings.put(key, valueOrNull);
            }
        });
    }

    /** Removes the domain and its users. */
    public void removeDomain(String name) {
        dir.write(d -> {
            DirectoryDomain dom = d.requireDomain(name);
            d.domains.remove(dom.uid);
            d.users.removeIf(u -> u.domainUid.equals(dom.uid));
        });
    }

    public void setPassword(String email, String password) {
        dir.write(d -> changed(d.requireUser(email)).password = Objects.requireNonNull(password));
    }

    public void setRoles(String email, String... roles) {
        dir.write(d -> {
            DirectoryUser u = changed(d.requireUser(email));
            u.roles.clear();
            u.roles.addAll(Arrays.asList(roles));
        });
    }

    /** Sets the photo (any bytes: a PNG, or garbage for bad-data tests; its icon is derived), or removes it with null. */
    public void setPhoto(String email, byte[] pngOrNull) {
        dir.write(d -> {
            DirectoryUser u = changed(d.requireUser(email));
            u.photo = pngOrNull == null ? null : pngOrNull.clone();
            u.icon = u.photo == null ? null : Optional.ofNullable(PngPainter.iconOf(u.photo)).orElse(u.photo);
        });
    }

    /** A real PNG of that size, painted like the fixture's photos, e.g. for {@link #setPhoto}. */
    public static byte[] paintPng(int width, int height, java.awt.Color colour) {
        return PngPainter.paint(width, height, colour, false);
    }

    public void setFormattedName(String email, String formattedName) {
        updateVCard(email, vcard -> DirectoryUser.identification(vcard).putObject("formatedName")
                .put("value", formattedName));
    }

    /** Any change to the user's vCard, given as BlueMind's VCard JSON (contract section 1). */
    public void updateVCard(String email, Consumer<ObjectNode> change) {
        dir.write(d -> change.accept(changed(d.requireUser(email)).vcard));
    }

    /** Archives the user: validate answers ARCHIVED, byEmail shows {@code archived: true}. */
    public void archive(String email) {
        dir.write(d -> changed(d.requireUser(email)).archived = true);
    }

    /** What bm-locator answers for a kind/tag such as "bm/core"; no IPs: 404. */
    public void setLocation(String kindAndTag, String... ips) {
        dir.write(d -> d.locations.put(kindAndTag, List.of(ips)));
    }

    private static DirectoryUser changed(DirectoryUser u) {
        u.version++;
        return u;
    }

    @Override
    public void close() {
        goAway();
        workers.shutdownNow();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
