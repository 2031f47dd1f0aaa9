package net.bluemind.xmpp.testkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator itself, through plain HTTP: what bm-xmpp's client and plugins rely on. */
class BmCoreSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static BmCoreSimulator sim;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        sim = BmCoreSimulator.start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        sim.healthy();
        sim.resetCounters();
    }

    private HttpResponse<byte[]> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            b.header("X-BM-ApiKey", token).header("X-BM-Origin", "simulator-test");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<byte[]> r = get(path, sim.apiToken());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private String validate(String login, String secret) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/api/auth/validate?origin=bm-xmpp&login="
                + URLEncoder.encode(login, StandardCharsets.UTF_8)))
                .header("X-BM-ApiKey", sim.apiToken())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(secret))).build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body()).textValue();
    }

    @Test
    void refusesCallsWithoutTheApiKeyAndRecordsTheOrigin() throws Exception {
        assertThat(get("/api/domains", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/domains", "wrong").statusCode()).isEqualTo(401);
        assertThat(get("/api/domains", sim.apiToken()).statusCode()).isEqualTo(200);
        assertThat(sim.lastOrigin()).isEqualTo("simulator-test");
        assertThat(sim.requests("/api/domains")).isEqualTo(3);
    }

    @Test
    void byEmailMatchesAddressesAndDomainAliasesOfAllAliasesAddresses() throws Exception {
        assertThat(json("/api/users/bluemind.test/byEmail/alice@corp.test").path("uid").asText()).isEqualTo("u-alice");
        assertThat(json("/api/users/bluemind.test/byEmail/alice@bm.test").path("uid").asText()).isEqualTo("u-alice");
        assertThat(json("/api/users/bluemind.test/byEmail/a.liddell@bluemind.test").path("uid").asText())
                .isEqualTo("u-alice");
        assertThat(json("/api/users/bluemind.test/byEmail/alice.liddell@corp.test").path("uid").asText())
                .isEqualTo("u-alice");
        // a.liddell is not flagged allAliases: not valid at the domain's aliases
        assertThat(get("/api/users/bluemind.test/byEmail/a.liddell@corp.test", sim.apiToken()).statusCode()).isEqualTo(404);
        // another domain's alice
        assertThat(get("/api/users/bluemind.test/byEmail/alice@acme.test", sim.apiToken()).statusCode()).isEqualTo(404);
        assertThat(json("/api/users/acme.test/byEmail/alice@acme-corp.test").path("uid").asText()).isEqualTo("u-acme-alice");
        JsonNode alice = json("/api/users/bluemind.test/byLogin/alice").path("value");
        assertThat(alice.path("emails").get(0).path("isDefault").asBoolean()).isTrue();
        assertThat(alice.path("contactInfos").path("identification").path("photo").asBoolean()).isTrue();
    }

    @Test
    void domainsListAndLookupByAlias() throws Exception {
        assertThat(json("/api/domains").findValuesAsText("uid")).contains("global.virt", "bluemind.test", "acme.test");
        assertThat(json("/api/domains/_lookup?name=corp.test").path("uid").asText()).isEqualTo("bluemind.test");
        assertThat(get("/api/domains/_lookup?name=nowhere.test", sim.apiToken()).statusCode()).isEqualTo(404);
        sim.addDomain("new.test", "new-alias.test");
        assertThat(json("/api/domains/_lookup?name=new-alias.test").path("uid").asText()).isEqualTo("new.test");
        sim.removeDomain("new.test");
        assertThat(get("/api/domains/_lookup?name=new.test", sim.apiToken()).statusCode()).isEqualTo(404);
    }

    @Test
    void validateTellsEachAccountState() throws Exception {
        assertThat(validate("alice@bluemind.test", "alice-pw")).isEqualTo("PASSWORD");
        assertThat(validate("alice@corp.test", "alice-pw")).isEqualTo("PASSWORD");
        assertThat(validate("alice@bluemind.test", "wrong")).isEqualTo("NONE");
        assertThat(validate("nobody@bluemind.test", "x")).isEqualTo("NONE");
        assertThat(validate("dave@bluemind.test", "dave-pw")).isEqualTo("ARCHIVED");
        assertThat(validate("dave@bluemind.test", "wrong")).isEqualTo("NONE");
        assertThat(validate("erin@bluemind.test", "erin-pw")).isEqualTo("PASSWORDEXPIRED");
        assertThat(validate("zoe@bluemind.test", "zoë-<&>\"'-pw")).isEqualTo("PASSWORD");
        assertThat(validate("alice@bluemind.test", sim.sessionToken("alice@bluemind.test"))).isEqualTo("TOKEN");
        assertThat(validate("bob@bluemind.test", sim.sessionToken("alice@bluemind.test"))).isEqualTo("NONE");
        assertThat(validate("admin0", "admin-secret")).isEqualTo("PASSWORD");
    }

    @Test
    void anExpiredSessionTokenIsNoLongerValid() throws Exception {
        String token = sim.sessionToken("alice@bluemind.test");
        assertThat(validate("alice@bluemind.test", token)).isEqualTo("TOKEN");
        sim.expireSessionToken(token);
        assertThat(validate("alice@bluemind.test", token)).isEqualTo("NONE");
        assertThatThrownBy(() -> sim.expireSessionToken(token)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void photosAreRealPngsExceptTheCorruptOne() throws Exception {
        HttpResponse<byte[]> bob = get("/api/users/bluemind.test/u-bob/photo", sim.apiToken());
        assertThat(bob.headers().firstValue("Content-Type")).contains("image/png");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(bob.body()));
        assertThat(img.getWidth()).isEqualTo(1024);
        assertThat(bob.body().length).isGreaterThan(1 << 20);
        BufferedImage icon = ImageIO.read(new ByteArrayInputStream(get("/api/users/bluemind.test/u-bob/icon",
                sim.apiToken()).body()));
        assertThat(icon.getWidth()).isEqualTo(PngPainter.ICON_SIZE);
        assertThat(ImageIO.read(new ByteArrayInputStream(get("/api/users/bluemind.test/u-zoe/photo",
                sim.apiToken()).body()))).isNull();
        assertThat(get("/api/users/bluemind.test/u-frank/photo", sim.apiToken()).statusCode()).isEqualTo(404);
        assertThat(get("/api/users/bluemind.test/u-frank/icon", sim.apiToken()).statusCode()).isEqualTo(404);
    }

    @Test
    void vcardKeepsAwkwardCharacters() throws Exception {
        JsonNode v = json("/api/users/bluemind.test/u-zoe/vcard");
        assertThat(v.path("identification").path("formatedName").path("value").asText())
                .isEqualTo("Zoë \"Z\" <&> O'Brien\u0007");
        assertThat(json("/api/users/bluemind.test/u-alice/vcard").path("communications").path("tels")).hasSize(3);
        sim.setFormattedName("alice@bluemind.test", "Alice L.");
        assertThat(json("/api/users/bluemind.test/u-alice/vcard").path("identification").path("formatedName")
                .path("value").asText()).isEqualTo("Alice L.");
        sim.setFormattedName("alice@bluemind.test", "Alice Liddell");
    }

    @Test
    void locatorAnswersIpsOr404() throws Exception {
        HttpResponse<byte[]> r = get("/location/host/bm/core/admin0@global.virt", null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("127.0.0.1\n");
        assertThat(get("/location/host/bm/nothing/admin0@global.virt", null).statusCode()).isEqualTo(404);
    }

    @Test
    void failureModes() throws Exception {
        sim.failWith(503);
        assertThat(get("/api/domains", sim.apiToken()).statusCode()).isEqualTo(503);
        sim.healthy();
        sim.garbage();
        assertThatThrownBy(() -> JSON.readTree(get("/api/domains", sim.apiToken()).body())).isInstanceOf(IOException.class);
        sim.healthy();
        sim.slow(Duration.ofMillis(400));
        long t0 = System.nanoTime();
        assertThat(get("/api/domains", sim.apiToken()).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        sim.healthy();
        int port = sim.port();
        sim.goAway();
        assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim.baseUrl()
                + "/api/domains")).build(), HttpResponse.BodyHandlers.discarding())).isInstanceOf(ConnectException.class);
        sim.comeBack();
        assertThat(sim.port()).isEqualTo(port);
        assertThat(get("/api/domains", sim.apiToken()).statusCode()).isEqualTo(200);
    }

    @Test
    void tokenFileAndMutations(@TempDir Path dir) throws Exception {
        Path f = sim.writeTokenFile(dir);
        assertThat(Files.readString(f).trim()).isEqualTo(sim.apiToken());
        SimulatedUser u = sim.addUser("henry@acme-corp.test", "h-pw", "hasIM");
        assertThat(u).isEqualTo(new SimulatedUser("u-henry-acme.test", "acme.test", "henry@acme.test"));
        assertThat(validate("henry@acme.test", "h-pw")).isEqualTo("PASSWORD");
        sim.setPassword("henry@acme.test", "new");
        assertThat(validate("henry@acme.test", "h-pw")).isEqualTo("NONE");
        sim.archive("henry@acme.test");
        assertThat(validate("henry@acme.test", "new")).isEqualTo("ARCHIVED");
        sim.setRoles("grace@acme.test");
        assertThat(json("/api/users/acme.test/u-grace/roles_resolved")).isEmpty();
        sim.setRoles("grace@acme.test", "hasIM");
        assertThat(sim.user("alice@corp.test").defaultEmail()).isEqualTo("alice@bluemind.test");
        assertThatThrownBy(() -> sim.user("nobody@bluemind.test")).hasMessageContaining("nobody@bluemind.test");
    }

    @Test
    void aBadFixtureNamesTheProblem(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("f.json");
        Files.writeString(f, "{\"apiToken\":\"t\",\"domains\":[{\"name\":\"d.test\"}],\"users\":[{\"uid\":\"u1\","
                + "\"domain\":\"d.test\",\"login\":\"x\"}]}");
        assertThatThrownBy(() -> BmCoreSimulator.start(f, 0)).hasMessageContaining("user u1")
                .hasMessageContaining("'password'");
    }
}
