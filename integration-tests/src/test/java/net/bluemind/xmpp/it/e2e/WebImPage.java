package net.bluemind.xmpp.it.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The web IM test page (integration-tests/webim/page) and Converse.js (its npm package's dist/ at /converse/),
 * served over plain HTTP on loopback like a static site. Its origin {@link #ORIGIN} is the "BlueMind external URL"
 * of the e2e stack's {@code web-origins}; the same page reached as {@code http://localhost:PORT} is another origin.
 */
final class WebImPage implements AutoCloseable {

    static final int PORT = 18095;
    static final String ORIGIN = "http://127.0.0.1:" + PORT;
    static final String FOREIGN_ORIGIN = "http://localhost:" + PORT;

    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js",
            "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8", "json", "application/json",
            "svg", "image/svg+xml", "png", "image/png", "wasm", "application/wasm", "woff2", "font/woff2");

    private final HttpServer server;

    private WebImPage(HttpServer server) {
        this.server = server;
    }

    /** @param webim the integration-tests/webim folder (page/ and node_modules/) */
    static WebImPage serve(Path webim) throws IOException {
        Path page = webim.resolve("page");
        Path converse = webim.resolve("node_modules/converse.js/dist");
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), PORT), 16);
        s.createContext("/converse/", ex -> send(ex, converse, ex.getRequestURI().getPath().substring("/converse/".length())));
        s.createContext("/", ex -> send(ex, page, ex.getRequestURI().getPath().substring(1)));
        s.start();
        return new WebImPage(s);
    }

    private static void send(HttpExchange ex, Path root, String relative) throws IOException {
        try (ex) {
            Path file = root.resolve(relative.isEmpty() ? "index.html" : relative).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            String name = file.getFileName().toString();
            String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
            ex.getResponseHeaders().set("Content-Type", type);
            byte[] body = Files.readAllBytes(file);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
