package net.bluemind.xmpp.it.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import net.bluemind.xmpp.testkit.core.BmCoreSimulator;
import org.jivesoftware.smack.filter.MessageWithBodiesFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;

/**
 * BlueMind's web IM in a real browser: the test page (integration-tests/webim/page) runs Converse.js in headless
 * Chromium and logs in with a BlueMind session token from {@code auth/login}, over WebSocket (wss, 5291) and again
 * over BOSH (https, 5281): roster, a colleague's avatar, a message to and from a Smack peer, the history loaded by
 * MAM in a fresh browser, a full-text search of the archive; a wrong and an expired token are refused with a
 * message on the page, and a page of another origin can use neither transport. Screenshots of each step:
 * integration-tests/target/webim/. No token appears in Tigase's logs.
 */
class WebImE2eIT {

    private static final String USER = "wendy@bluemind.test";
    private static final String PEER = "alice@bluemind.test";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void converseLogsInWithASessionTokenOverWebSocketAndBoshChatsSearchesAndRefusesBadTokensAndForeignPages()
            throws Exception {
        E2eStack stack = E2eStack.get();
        assumeTrue(stack != null, E2eStack.SKIP_MESSAGE);
        Path webim = Path.of(System.getProperty("bmx.repo.dir", "..")).toAbsolutePath().normalize()
                .resolve("integration-tests/webim");
        Optional<String> missing = BrowserRun.missing(webim);
        if (missing.isPresent()) {
            System.out.println(missing.get());
        }
        assumeTrue(missing.isEmpty(), missing.orElse(""));
        BmCoreSimulator core = stack.core;

        String config = stack.tigase.effectiveConfig();
        assertThat(config).as("the shipped web transports").contains("WebSocketOriginCheck", "BoshOrigins");
        // the web transports' TLS serves the domain's certificate, the one of direct TLS on 5223
        java.security.cert.X509Certificate c2s = ServedCertificate.direct(E2eStack.DOMAIN);
        assertThat(ServedCertificate.direct(5291, E2eStack.DOMAIN)).as("WebSocket TLS on 5291").isEqualTo(c2s);
        assertThat(ServedCertificate.direct(5281, E2eStack.DOMAIN)).as("BOSH TLS on 5281").isEqualTo(c2s);

        if (!userExists(core)) {
            core.addUser(USER, "wendy-pw", "hasIM");
        }
        XMPPTCPConnection alice = XmppClients.login(PEER, "alice-pw");
        XMPPTCPConnection wendy = XmppClients.login(USER, "wendy-pw");
        List<String> aliceGot = new CopyOnWriteArrayList<>();
        String word = "quokka" + letters(8);
        String sent = "hello from the browser " + word;
        String reply = "pong " + letters(8);
        try {
            befriend(wendy, alice);
            wendy.disconnect();
            // the Smack peer answers the browser
            alice.addAsyncStanzaListener(stanza -> {
                Message m = (Message) stanza;
                if (m.getFrom() != null && m.getFrom().asBareJid().toString().equals(USER) && m.getBody() != null) {
                    aliceGot.add(m.getBody());
                    try {
                        alice.sendStanza(alice.getStanzaFactory().buildMessageStanza().to(m.getFrom().asBareJid())
                                .ofType(Message.Type.chat).setBody(reply).build());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }, MessageWithBodiesFilter.INSTANCE);

            String wsToken = login(core, USER, "wendy-pw");
            String boshToken = login(core, USER, "wendy-pw");
            String expired = login(core, USER, "wendy-pw");
            core.expireSessionToken(expired);
            String foreignToken = login(core, USER, "wendy-pw");
            String wrong = "sim-session-" + java.util.UUID.randomUUID();
            List<String> tokens = List.of(wsToken, boshToken, expired, foreignToken, wrong);

            Path out = Path.of("target/webim").toAbsolutePath();
            JsonNode r;
            try (WebImPage page = WebImPage.serve(webim)) {
                Map<String, Object> input = new HashMap<>();
                input.put("pageUrl", WebImPage.ORIGIN + "/");
                input.put("foreignPageUrl", WebImPage.FOREIGN_ORIGIN + "/");
                // the server by its domain name (the browser maps it to 127.0.0.1), so TLS gets SNI as in production
                input.put("wsUrl", "wss://" + E2eStack.DOMAIN + ":5291/");
                input.put("boshUrl", "https://" + E2eStack.DOMAIN + ":5281/");
                input.put("mapHost", E2eStack.DOMAIN);
                input.put("jid", USER);
                input.put("peerJid", PEER);
                input.put("wsToken", wsToken);
                input.put("boshToken", boshToken);
                input.put("wrongToken", wrong);
                input.put("expiredToken", expired);
                input.put("foreignToken", foreignToken);
                input.put("sendText", sent);
                input.put("expectReply", reply);
                input.put("searchWord", word);
                input.put("outDir", out.toString());
                input.put("chromium", BrowserRun.chromium().toString());
                r = BrowserRun.run(webim, input, out);
            }
            Files.writeString(out.resolve("result.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(r));
            System.out.println("web IM: screenshots and result.json in " + out);
            JsonNode steps = r.get("steps");

            JsonNode ws = steps.get("websocket");
            assertThat(ws.path("connected").asBoolean()).as("WebSocket login with a session token: %s", ws).isTrue();
            assertThat(ws.path("roster").path("contacts").toString()).as("roster").contains(PEER);
            assertThat(ws.path("roster").path("shown").toString()).as("the roster shown").contains("Alice");
            assertThat(ws.path("avatar").path("vcard").path("image_type").asText()).isEqualTo("image/png");
            assertThat(ws.path("avatar").path("vcard").path("image_len").asInt()).isGreaterThan(100);
            assertThat(ws.path("avatar").path("drawn").asText()).as("the photo drawn in the chat").startsWith("data:image/png");
            assertThat(aliceGot).as("the Smack peer received the browser's message").contains(sent);
            assertThat(ws.path("messages").toString()).contains(sent, reply);

            JsonNode bosh = steps.get("bosh");
            assertThat(bosh.path("connected").asBoolean()).as("BOSH login with a session token: %s", bosh).isTrue();
            assertThat(bosh.path("roster").path("contacts").toString()).contains(PEER);
            assertThat(bosh.path("history").toString()).as("history from MAM in a fresh browser").contains(sent, reply);
            assertThat(bosh.path("search").toString()).as("full-text search").contains(sent).doesNotContain(reply);
            assertThat(bosh.path("searchShown").toString()).contains(word);

            for (String refused : List.of("wrongToken", "expiredToken")) {
                JsonNode f = steps.get(refused);
                assertThat(f.path("connected").asBoolean()).as(refused).isFalse();
                assertThat(f.path("feedback").asText() + f.path("status").asText()).as("%s: what the page shows", refused)
                        .isNotBlank();
                assertThat(f.path("status").asText()).as(refused).startsWith("not connected");
            }

            JsonNode fws = steps.get("foreignWebsocket");
            assertThat(fws.path("connected").asBoolean()).as("a page of another origin over WebSocket").isFalse();
            assertThat(fws.path("console").toString()).as("what Chromium saw")
                    .contains("Error during WebSocket handshake: Unexpected response code: 403");
            assertThat(logsContaining(stack.tigase.home(), "WebSocket from a page of " + WebImPage.FOREIGN_ORIGIN + " refused"))
                    .as("Tigase's log says why").isNotEmpty();
            JsonNode fbosh = steps.get("foreignBosh");
            assertThat(fbosh.path("connected").asBoolean()).as("a page of another origin over BOSH").isFalse();
            assertThat(fbosh.path("console").toString()).as("Chromium blocked it by CORS")
                    .contains("blocked by CORS policy", "'Access-Control-Allow-Origin' header has a value '" + WebImPage.ORIGIN + "'");
            assertThat(fws.path("status").asText() + " / " + fbosh.path("status").asText())
                    .as("what the foreign page shows").startsWith("not connected").contains("/ not connected");

            for (String token : tokens) {
                assertThat(logsContaining(stack.tigase.home(), token)).as("log files carrying a session token").isEmpty();
            }
        } finally {
            alice.disconnect();
            wendy.disconnect();
        }
    }

    private static boolean userExists(BmCoreSimulator core) {
        try {
            core.user(USER);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Mutual presence subscription, so that each is in the other's roster with subscription both. */
    private static void befriend(XMPPTCPConnection a, XMPPTCPConnection b) throws Exception {
        Roster ra = Roster.getInstanceFor(a);
        Roster rb = Roster.getInstanceFor(b);
        ra.setSubscriptionMode(Roster.SubscriptionMode.accept_all);
        rb.setSubscriptionMode(Roster.SubscriptionMode.accept_all);
        ra.createItemAndRequestSubscription(b.getUser().asEntityBareJid(), "Alice Liddell", null);
        rb.createItemAndRequestSubscription(a.getUser().asEntityBareJid(), "Wendy", null);
        Instant deadline = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(deadline)) {
            RosterEntry e = ra.getEntry(b.getUser().asEntityBareJid());
            if (e != null && e.getType() == RosterPacket.ItemType.both) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no mutual subscription between " + a.getUser() + " and " + b.getUser());
    }

    /** A BlueMind session token, as BlueMind's web application gets one at login ({@code auth/login}). */
    private static String login(BmCoreSimulator core, String user, String password) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(core.baseUrl() + "/api/auth/login?login=" + user + "&origin=bm-webapp"))
                .header("X-BM-ApiKey", core.apiToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(password))).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("status").asText()).as("auth/login: %s", r.body()).isEqualTo("Ok");
        return body.path("authKey").asText();
    }

    private static List<Path> logsContaining(Path home, String token) throws Exception {
        try (Stream<Path> files = Files.walk(home.resolve("logs"))) {
            return files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(token);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private static String letters(int n) {
        Random r = new Random();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append((char) ('a' + r.nextInt(26)));
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
