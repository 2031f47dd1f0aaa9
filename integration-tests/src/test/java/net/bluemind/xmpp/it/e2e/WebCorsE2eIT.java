package net.bluemind.xmpp.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.bluemind.xmpp.testkit.services.NginxProxy;
import net.bluemind.xmpp.testkit.tigase.TigaseUnderTest;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.httpfileupload.HttpFileUploadManager;
import org.jivesoftware.smackx.httpfileupload.element.Slot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Web pages and the server's HTTP side, on the full distribution with the shipped init.properties: CORS on the
 * XEP-0363 upload and download URLs for the pages of {@code web-origins} only (the stack's is {@link WebImPage#ORIGIN},
 * {@link WebImPage#FOREIGN_ORIGIN} is another site), requests made exactly as a browser makes them, then by a real
 * headless Chromium; and XEP-0156 host-meta fetched through a real nginx configured as BlueMind's
 * (etc/nginx-web-clients.conf + etc/nginx-upload.conf), its WebSocket and BOSH URLs used to log in through that nginx.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebCorsE2eIT {

    private static final String DOMAIN = E2eStack.DOMAIN;
    private static final String ORIGIN = WebImPage.ORIGIN;
    private static final String FOREIGN = WebImPage.FOREIGN_ORIGIN;
    private static final String TYPE = "text/plain";
    private static final String FRONT = "http://127.0.0.1:" + E2eStack.WEB_FRONT_PORT;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private E2eStack stack;
    private XMPPTCPConnection alice;

    @BeforeAll
    void startStack() throws Exception {
        stack = E2eStack.get();
    }

    @BeforeEach
    void needsTheUploadComponent() throws Exception {
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        assumeTrue(stack.hasComponent("tigase-http-api"), "web CORS e2e skipped: TIGASE_HOME has no tigase-http-api jar"
                + " (see docs/operators-guide.md, File transfer; e.g. ../shared/tigase/8.4.0-full)");
        if (alice == null) {
            alice = XmppClients.login("alice@" + DOMAIN, "alice-pw");
        }
    }

    @AfterAll
    void logout() {
        if (alice != null) {
            alice.disconnect();
        }
    }

    /** BlueMind's web application: preflight for the PUT, the PUT, then the GET, each with its page's Origin. */
    @Test
    void aPageOfTheAllowedOriginPreflightsUploadsAndDownloads() throws Exception {
        String content = "from the web app " + UUID.randomUUID();
        Slot slot = slot("web.txt", content);
        URI put = slot.getPutUrl().toURI();
        URI get = slot.getGetUrl().toURI();

        HttpResponse<String> preflight = send(preflight(put, ORIGIN, "PUT", "content-type"));
        System.out.println("e2e cors: preflight from " + ORIGIN + ": " + preflight.statusCode() + " " + preflight.headers().map());
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(allowOrigin(preflight)).containsExactly(ORIGIN);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("PUT", "GET");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("")).containsIgnoringCase("content-type");
        assertThat(preflight.headers().allValues("Vary")).contains("Origin");

        HttpResponse<String> stored = send(HttpRequest.newBuilder(put).header("Origin", ORIGIN).header("Content-Type", TYPE)
                .PUT(HttpRequest.BodyPublishers.ofString(content)));
        System.out.println("e2e cors: PUT from " + ORIGIN + ": " + stored.statusCode() + " " + stored.headers().map());
        assertThat(stored.statusCode()).isEqualTo(201);
        assertThat(allowOrigin(stored)).as("the PUT's answer, readable by the page").containsExactly(ORIGIN);
        assertThat(stored.headers().allValues("Vary")).contains("Origin");

        HttpResponse<String> fetched = send(HttpRequest.newBuilder(get).header("Origin", ORIGIN).GET());
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(content);
        assertThat(allowOrigin(fetched)).containsExactly(ORIGIN);
        assertThat(fetched.headers().allValues("Vary")).contains("Origin");

        HttpResponse<String> download = send(preflight(get, ORIGIN, "GET", null));
        assertThat(download.statusCode()).as("a download preflight (a page that sends headers with its GET)").isEqualTo(200);
        assertThat(allowOrigin(download)).containsExactly(ORIGIN);
    }

    /**
     * Another site's page: its preflight is refused (403, saying why, no CORS header), so the browser never sends the
     * PUT; its GET of a download gets no Access-Control-Allow-Origin, so the browser withholds the file; Tigase's own
     * {@code *} never reaches any client. A client without Origin (desktop, phone) is served as before.
     */
    @Test
    void anotherSitesPageGetsNoCorsAndNoStarReachesAnyone() throws Exception {
        String content = "uploaded by a desktop client " + UUID.randomUUID();
        Slot slot = slot("desk.txt", content);
        URI put = slot.getPutUrl().toURI();
        URI get = slot.getGetUrl().toURI();

        HttpResponse<String> refused = send(preflight(put, FOREIGN, "PUT", "content-type"));
        System.out.println("e2e cors: preflight from " + FOREIGN + ": " + refused.statusCode() + " " + refused.headers().map()
                + " " + refused.body());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains(FOREIGN, "web-origins");
        assertThat(corsHeaders(refused)).isEmpty();
        assertThat(refused.headers().allValues("Vary")).contains("Origin");

        HttpResponse<String> otherMethod = send(preflight(put, ORIGIN, "DELETE", null));
        assertThat(otherMethod.statusCode()).as("a method no upload needs").isEqualTo(403);
        assertThat(corsHeaders(otherMethod)).isEmpty();

        HttpResponse<String> stored = send(HttpRequest.newBuilder(put).header("Content-Type", TYPE)
                .PUT(HttpRequest.BodyPublishers.ofString(content)));
        assertThat(stored.statusCode()).as("a PUT without Origin (Gajim, Conversations)").isEqualTo(201);
        assertThat(corsHeaders(stored)).isEmpty();

        HttpResponse<String> foreignGet = send(HttpRequest.newBuilder(get).header("Origin", FOREIGN).GET());
        assertThat(foreignGet.statusCode()).isEqualTo(200);
        assertThat(corsHeaders(foreignGet)).as("no CORS header for another site: the browser withholds the body").isEmpty();
        assertThat(foreignGet.headers().allValues("Vary")).contains("Origin");

        HttpResponse<String> plainGet = send(HttpRequest.newBuilder(get).GET());
        assertThat(plainGet.body()).isEqualTo(content);
        assertThat(corsHeaders(plainGet)).isEmpty();

        HttpResponse<String> head = send(HttpRequest.newBuilder(get).header("Origin", FOREIGN)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(corsHeaders(head)).isEmpty();
        HttpResponse<String> missing = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + TigaseUnderTest.UPLOAD_HTTP_PORT + "/upload/" + UUID.randomUUID() + "/none.txt")).header("Origin", FOREIGN).GET());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(corsHeaders(missing)).as("an error answer neither").isEmpty();
    }

    /**
     * host-meta through BlueMind's nginx (the shipped location blocks) names the URLs of {@code web-websocket-url} and
     * {@code web-bosh-url}, in XML and JSON, readable by the allowed page only; then a client logs in over each URL
     * it names, through the same nginx: WebSocket (RFC 7395) and BOSH, SASL PLAIN and resource binding.
     */
    @Test
    void hostMetaThroughNginxNamesTheWebTransportsAndBothLogIn() throws Exception {
        assertThat(NginxProxy.installed()).as("Debian's nginx (scripts/lib/prereqs.sh installs it)").isTrue();
        try (NginxProxy nginx = bluemindNginx()) {
            HttpResponse<String> xrd = send(HttpRequest.newBuilder(URI.create(FRONT + "/.well-known/host-meta"))
                    .header("Origin", ORIGIN).GET());
            System.out.println("e2e host-meta: " + xrd.statusCode() + " " + xrd.headers().map() + "\n" + xrd.body());
            assertThat(xrd.statusCode()).as("host-meta through nginx: %s", nginx.errorLog()).isEqualTo(200);
            assertThat(xrd.headers().firstValue("Content-Type").orElse("")).startsWith("application/xrd+xml");
            assertThat(xrd.body()).contains("<XRD xmlns='http://docs.oasis-open.org/ns/xri/xrd-1.0'>");
            assertThat(allowOrigin(xrd)).containsExactly(ORIGIN);
            Map<String, String> links = links(xrd.body(), "<Link rel='([^']+)' href='([^']+)'/>");
            assertThat(links).containsOnly(
                    Map.entry("urn:xmpp:alt-connections:websocket", "ws://127.0.0.1:" + E2eStack.WEB_FRONT_PORT + "/xmpp-websocket"),
                    Map.entry("urn:xmpp:alt-connections:xbosh", "http://127.0.0.1:" + E2eStack.WEB_FRONT_PORT + "/http-bind"));

            HttpResponse<String> json = send(HttpRequest.newBuilder(URI.create(FRONT + "/.well-known/host-meta.json"))
                    .header("Origin", FOREIGN).GET());
            assertThat(json.statusCode()).isEqualTo(200);
            assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            JsonNode doc = new ObjectMapper().readTree(json.body());
            Map<String, String> jsonLinks = new LinkedHashMap<>();
            doc.get("links").forEach(l -> jsonLinks.put(l.get("rel").asText(), l.get("href").asText()));
            assertThat(jsonLinks).isEqualTo(links);
            assertThat(corsHeaders(json)).as("another site's page may not read it").isEmpty();

            String jid = webSocketLogin(URI.create(links.get("urn:xmpp:alt-connections:websocket")));
            assertThat(jid).as("bound over the host-meta WebSocket URL").startsWith("alice@" + DOMAIN + "/");
            String boshJid = boshLogin(URI.create(links.get("urn:xmpp:alt-connections:xbosh")));
            assertThat(boshJid).as("bound over the host-meta BOSH URL").startsWith("alice@" + DOMAIN + "/");
        }
    }

    /**
     * A real browser (headless Chromium) on a page of the allowed origin uploads with fetch() to the slot's URL (the
     * browser preflights the PUT itself), downloads it and reads host-meta; on another site's page the same calls are
     * blocked by the browser's CORS policy.
     */
    @Test
    void aBrowserPageOfTheAllowedOriginUploadsAndAnotherSitesPageCannot() throws Exception {
        Path webim = Path.of(System.getProperty("bmx.repo.dir", "..")).toAbsolutePath().normalize()
                .resolve("integration-tests/webim");
        Optional<String> missing = BrowserRun.missing(webim);
        missing.ifPresent(System.out::println);
        assumeTrue(missing.isEmpty(), missing.orElse(""));
        String content = "uploaded by Chromium " + UUID.randomUUID();
        Slot slot = slot("browser.txt", content);
        Slot foreignSlot = slot("foreign.txt", content);
        Path out = Path.of("target/webcors").toAbsolutePath();
        JsonNode r;
        try (WebImPage page = WebImPage.serve(webim)) {
            Map<String, Object> input = new HashMap<>();
            input.put("pageUrl", ORIGIN + "/blank.html");
            input.put("foreignPageUrl", FOREIGN + "/blank.html");
            input.put("putUrl", slot.getPutUrl().toString());
            input.put("getUrl", slot.getGetUrl().toString());
            input.put("foreignPutUrl", foreignSlot.getPutUrl().toString());
            input.put("hostMetaUrl", "http://127.0.0.1:" + TigaseUnderTest.UPLOAD_HTTP_PORT + "/.well-known/host-meta");
            input.put("contentType", TYPE);
            input.put("content", content);
            input.put("chromium", BrowserRun.chromium().toString());
            r = BrowserRun.run(webim, "cors.mjs", input, out);
        }
        Files.writeString(out.resolve("result.json"), new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(r));
        System.out.println("e2e cors: browser result in " + out.resolve("result.json") + ": " + r);

        JsonNode allowed = r.get("allowed");
        assertThat(allowed.path("origin").asText()).isEqualTo(ORIGIN);
        assertThat(allowed.path("put").path("status").asInt()).as("the page's PUT: %s", allowed).isEqualTo(201);
        assertThat(allowed.path("get").path("status").asInt()).as("the page's GET: %s", allowed).isEqualTo(200);
        assertThat(allowed.path("get").path("body").asText()).isEqualTo(content);
        assertThat(allowed.path("hostMeta").path("body").asText()).contains("urn:xmpp:alt-connections:websocket");

        JsonNode foreign = r.get("foreign");
        assertThat(foreign.path("origin").asText()).isEqualTo(FOREIGN);
        assertThat(foreign.path("put").path("error").asText()).as("the foreign page's PUT: %s", foreign).contains("Failed to fetch");
        assertThat(foreign.path("get").path("error").asText()).as("the foreign page's GET").contains("Failed to fetch");
        assertThat(foreign.path("hostMeta").path("error").asText()).contains("Failed to fetch");
        assertThat(foreign.path("console").toString()).as("what Chromium says").contains("blocked by CORS policy");
        HttpResponse<String> notStored = send(HttpRequest.newBuilder(foreignSlot.getGetUrl().toURI()).GET());
        assertThat(notStored.statusCode()).as("the foreign page's upload never reached the server").isEqualTo(404);
    }

    private Slot slot(String name, String content) throws Exception {
        return HttpFileUploadManager.getInstanceFor(alice).requestSlot(name,
                content.getBytes(StandardCharsets.UTF_8).length, TYPE);
    }

    /** nginx with BlueMind's shipped locations for web clients and uploads, on {@link E2eStack#WEB_FRONT_PORT}. */
    private static NginxProxy bluemindNginx() throws Exception {
        Path repo = Path.of(System.getProperty("bmx.repo.dir", "..")).toAbsolutePath().normalize();
        Path locations = Files.createTempFile("bmx-nginx-web", ".conf");
        Files.writeString(locations, Files.readString(repo.resolve("etc/nginx-web-clients.conf"))
                + Files.readString(repo.resolve("etc/nginx-upload.conf")));
        return new NginxProxy(locations, List.of(new NginxProxy.Server(E2eStack.WEB_FRONT_PORT, ""))).start();
    }

    private static HttpRequest.Builder preflight(URI uri, String origin, String method, String headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Origin", origin)
                .header("Access-Control-Request-Method", method).method("OPTIONS", HttpRequest.BodyPublishers.noBody());
        return headers == null ? b : b.header("Access-Control-Request-Headers", headers);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> allowOrigin(HttpResponse<?> r) {
        return r.headers().allValues("Access-Control-Allow-Origin");
    }

    private static List<String> corsHeaders(HttpResponse<?> r) {
        List<String> cors = new ArrayList<>();
        r.headers().map().forEach((name, values) -> {
            if (name.toLowerCase(java.util.Locale.ROOT).startsWith("access-control-")) {
                cors.add(name + ": " + values);
            }
        });
        return cors;
    }

    private static Map<String, String> links(String body, String pattern) {
        Map<String, String> links = new LinkedHashMap<>();
        Matcher m = Pattern.compile(pattern).matcher(body);
        while (m.find()) {
            links.put(m.group(1), m.group(2));
        }
        return links;
    }

    /** RFC 7395 over {@code url}: open, SASL PLAIN, restart, bind; the bound JID. */
    private static String webSocketLogin(URI url) throws Exception {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("xmpp")
                .buildAsync(url, new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            frames.add(partial.toString());
                            partial.setLength(0);
                        }
                        w.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        try {
            String open = "<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' to='" + DOMAIN + "' version='1.0'/>";
            ws.sendText(open, true).get(10, TimeUnit.SECONDS);
            assertThat(frameWith(frames, "<stream:features")).contains("PLAIN");
            ws.sendText("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>"
                    + RawXmppStream.plain("alice@" + DOMAIN, "alice-pw") + "</auth>", true).get(10, TimeUnit.SECONDS);
            assertThat(frameWith(frames, "urn:ietf:params:xml:ns:xmpp-sasl")).contains("<success");
            ws.sendText(open, true).get(10, TimeUnit.SECONDS);
            assertThat(frameWith(frames, "<stream:features")).contains("urn:ietf:params:xml:ns:xmpp-bind");
            ws.sendText("<iq type='set' id='b1' xmlns='jabber:client'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>"
                    + "<resource>host-meta-ws</resource></bind></iq>", true).get(10, TimeUnit.SECONDS);
            return jid(frameWith(frames, "<jid>"));
        } finally {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
        }
    }

    private static String frameWith(BlockingQueue<String> frames, String marker) throws Exception {
        while (true) {
            String frame = frames.poll(15, TimeUnit.SECONDS);
            assertThat(frame).as("a WebSocket frame with " + marker).isNotNull();
            if (frame.contains(marker)) {
                return frame;
            }
        }
    }

    /** XEP-0206 over {@code url}: session, SASL PLAIN, restart, bind; the bound JID. */
    private String boshLogin(URI url) throws Exception {
        rid = 4_000_000L + new java.util.Random().nextInt(1_000_000);
        String created = bosh(url, "<body content='text/xml; charset=utf-8' hold='1' rid='" + rid + "' to='" + DOMAIN
                + "' ver='1.6' wait='5' xml:lang='en' xmpp:version='1.0' xmlns='http://jabber.org/protocol/httpbind'"
                + " xmlns:xmpp='urn:xmpp:xbosh'/>");
        Matcher sidMatch = Pattern.compile("sid=['\"]([^'\"]+)['\"]").matcher(created);
        assertThat(sidMatch.find()).as("a BOSH session id: %s", created).isTrue();
        String head = "xmlns='http://jabber.org/protocol/httpbind' sid='" + sidMatch.group(1) + "'";
        String features = created.contains("mechanisms") ? created : boshUntil(url, head, "", "mechanisms");
        assertThat(features).contains("PLAIN");
        boshUntil(url, head, "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>"
                + RawXmppStream.plain("alice@" + DOMAIN, "alice-pw") + "</auth>", "<success");
        boshUntil(url, head + " to='" + DOMAIN + "' xml:lang='en' xmpp:restart='true' xmlns:xmpp='urn:xmpp:xbosh'", "",
                "urn:ietf:params:xml:ns:xmpp-bind");
        String bound = boshUntil(url, head, "<iq type='set' id='b2' xmlns='jabber:client'>"
                + "<bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><resource>host-meta-bosh</resource></bind></iq>", "<jid>");
        bosh(url, "<body " + head + " rid='" + (++rid) + "' type='terminate'/>");
        return jid(bound);
    }

    /** The BOSH request id, one more for each request of the session. */
    private long rid;

    /** Sends {@code payload} in the next request, then empty polls, until an answer carries {@code marker} (20 s). */
    private String boshUntil(URI url, String attributes, String payload, String marker) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        String answer = bosh(url, "<body " + attributes + " rid='" + (++rid) + "'>" + payload + "</body>");
        StringBuilder seen = new StringBuilder(answer);
        while (!answer.contains(marker) && Instant.now().isBefore(deadline)) {
            answer = bosh(url, "<body xmlns='http://jabber.org/protocol/httpbind' " + attributes.substring(
                    attributes.indexOf("sid=")).split(" ")[0] + " rid='" + (++rid) + "'/>");
            seen.append(answer);
        }
        assertThat(seen.toString()).as("a BOSH answer with %s", marker).contains(marker);
        return seen.toString();
    }

    private String bosh(URI url, String body) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(url).header("Content-Type", "text/xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(r.statusCode()).as("BOSH POST %s: %s", url, r.body()).isEqualTo(200);
        return r.body();
    }

    private static String jid(String answer) {
        Matcher m = Pattern.compile("<jid>([^<]+)</jid>").matcher(answer);
        assertThat(m.find()).as("a bound JID in %s", answer).isTrue();
        return m.group(1);
    }
}
