package net.bluemind.xmpp.testkit.core;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every request: counted, then delayed / failed / garbled as the {@link FailureModes} say, then
 * {@code /location/...} is answered as bm-locator and {@code /api/...} as bm-core (API key checked).
 */
final class SimulatorHandler implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(SimulatorHandler.class.getName());
    private static final int MAX_BODY = 1 << 20;

    private final Directory dir;
    private final ApiRoutes api;
    private final FailureModes failures;
    private final RequestLog log;
    private final Supplier<String> apiToken;

    SimulatorHandler(Directory dir, FailureModes failures, RequestLog log, Supplier<String> apiToken) {
        this.dir = dir;
        this.api = new ApiRoutes(dir);
        this.failures = failures;
        this.log = log;
        this.apiToken = apiToken;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        InetSocketAddress remote = ex.getRemoteAddress();
        if (failures.closeAll || failures.closeReused && failures.answered.remove(remote)) {
            log.droppedConnection();
            ex.close(); // no answer sent yet: the JDK server closes the connection, the client reads no byte
            return;
        }
        try (ex) {
            log.record(ex.getRequestURI().getPath(), remote, ex.getRequestHeaders().getFirst("X-BM-Origin"));
            byte[] body = readBody(ex.getRequestBody());
            Reply r = reply(ex, body);
            // noted before the answer goes out: the client may send its next request the moment it has it
            if (failures.closeReused) {
                failures.answered.add(remote);
            }
            if (failures.closeAfterAnswer) {
                log.droppedConnection();
            }
            send(ex, r);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "bm-core simulator: exchange failed", e);
            return;
        }
        if (failures.closeAfterAnswer) {
            // a handler that throws makes the JDK server close the connection (the answer is already out)
            throw new IOException("bm-core simulator: closing the connection after its answer (closeAfterEachAnswer)");
        }
    }

    private Reply reply(HttpExchange ex, byte[] body) {
        pause(failures.delay.toMillis());
        if (failures.failStatus != 0) {
            return Reply.error(failures.failStatus, "FAILURE", "simulated failure " + failures.failStatus);
        }
        Optional<Reply> canned = failures.cannedFor(ex.getRequestURI().getPath());
        if (canned.isPresent()) {
            return canned.get();
        }
        if (failures.garbage) {
            return new Reply(200, "application/json", FailureModes.GARBAGE);
        }
        List<String> path = segments(ex.getRequestURI().getRawPath());
        if (path.size() == 5 && path.get(0).equals("location") && path.get(1).equals("host")) {
            return locate(path.get(2) + "/" + path.get(3));
        }
        if (path.isEmpty() || !path.get(0).equals("api")) {
            return Reply.notFound("path " + ex.getRequestURI().getPath());
        }
        if (!apiToken.get().equals(ex.getRequestHeaders().getFirst("X-BM-ApiKey"))) {
            return Reply.error(401, "AUTHENTICATION_FAIL", "missing or invalid X-BM-ApiKey");
        }
        return api.answer(ex.getRequestMethod(), path.subList(1, path.size()), query(ex.getRequestURI().getRawQuery()),
                body);
    }

    private Reply locate(String kindAndTag) {
        List<String> ips = dir.read(d -> d.locations.getOrDefault(kindAndTag, List.of()));
        if (ips.isEmpty()) {
            return new Reply(404, "text/plain; charset=utf-8", new byte[0]);
        }
        return Reply.text(String.join("\n", ips) + "\n");
    }

    private static void send(HttpExchange ex, Reply r) throws IOException {
        ex.getResponseHeaders().set("Content-Type", r.contentType());
        ex.sendResponseHeaders(r.status(), r.body().length == 0 ? -1 : r.body().length);
        if (r.body().length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(r.body());
            }
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] b = in.readNBytes(MAX_BODY);
        in.transferTo(OutputStream.nullOutputStream());
        return b;
    }

    /** Decoded path segments; '+' stays '+' (it is only a space in query strings). */
    static List<String> segments(String rawPath) {
        List<String> out = new ArrayList<>();
        for (String s : rawPath.split("/")) {
            if (!s.isEmpty()) {
                out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String k = eq < 0 ? pair : pair.substring(0, eq);
                String v = eq < 0 ? "" : pair.substring(eq + 1);
                q.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    private static void pause(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
