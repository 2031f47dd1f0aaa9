package net.bluemind.xmpp.common.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import net.bluemind.xmpp.common.core.CoreException.Kind;
import net.bluemind.xmpp.common.settings.Settings;
import net.bluemind.xmpp.testkit.core.BmCoreSimulator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every call of the client against the bm-core simulator, happy paths first. */
class HttpCoreClientTest {

    static BmCoreSimulator sim;
    @TempDir
    Path tmp;
    Path tokenFile;
    HttpCoreClient core;

    @BeforeAll
    static void startSimulator() {
        sim = BmCoreSimulator.start();
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    void client() {
        sim.healthy();
        sim.resetCounters();
        tokenFile = sim.writeTokenFile(tmp);
        core = new HttpCoreClient(settings(Map.of("core-url", sim.baseUrl().toString())));
    }

    Settings settings(Map<String, String> more) {
        Map<String, String> raw = new HashMap<>(Map.of("core-token-file", tokenFile.toString(),
                "core-connect-timeout", "1s", "core-read-timeout", "2s"));
        raw.putAll(more);
        return Settings.load(raw);
    }

    static void assertFails(ThrowingCallable call, Kind kind, String... messageParts) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CoreException.class, e -> {
            assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
            for (String part : messageParts) {
                assertThat(e.getMessage()).contains(part);
            }
        });
    }

    @Test
    void validateTellsEveryOutcomeAndSendsTheOrigin() throws Exception {
        assertThat(core.validate("alice@bluemind.test", "alice-pw")).isEqualTo(ValidationResult.PASSWORD);
        assertThat(sim.lastOrigin()).isEqualTo("bm-xmpp");
        assertThat(core.validate("alice@corp.test", "alice-pw")).isEqualTo(ValidationResult.PASSWORD);
        assertThat(core.validate("alice@bluemind.test", "nope")).isEqualTo(ValidationResult.NONE);
        assertThat(core.validate("dave@bluemind.test", "dave-pw")).isEqualTo(ValidationResult.ARCHIVED);
        assertThat(core.validate("erin@bluemind.test", "erin-pw")).isEqualTo(ValidationResult.PASSWORDEXPIRED);
        assertThat(core.validate("zoe@bluemind.test", "zoë-<&>\"'-pw")).isEqualTo(ValidationResult.PASSWORD);
        assertThat(core.validate("alice@bluemind.test", sim.sessionToken("alice@bluemind.test")))
                .isEqualTo(ValidationResult.TOKEN);
        assertThat(core.validate("who? &login=alice@bluemind.test", "alice-pw")).isEqualTo(ValidationResult.NONE);
        assertThatThrownBy(() -> core.validate("alice@bluemind.test", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void loginGivesTheUserAndASessionKey() throws Exception {
        LoginResponse ok = core.login("alice@corp.test", "alice-pw");
        assertThat(ok.ok()).isTrue();
        assertThat(ok.latd()).isEqualTo("alice@bluemind.test");
        assertThat(ok.authUser().uid()).isEqualTo("u-alice");
        assertThat(ok.authUser().domainUid()).isEqualTo("bluemind.test");
        assertThat(ok.authUser().roles()).contains("hasIM");
        assertThat(ok.authUser().value().defaultEmail()).contains("alice@bluemind.test");
        assertThat(core.validate("alice@bluemind.test", ok.authKey())).isEqualTo(ValidationResult.TOKEN);
        assertThat(core.login("alice@bluemind.test", "bad").status()).isEqualTo("Bad");
        assertThat(core.login("erin@bluemind.test", "erin-pw").status()).isEqualTo("Expired");
    }

    @Test
    void domainsAndLookup() throws Exception {
        List<ItemValue<Domain>> all = core.domains();
        assertThat(all).extracting(ItemValue::uid).contains("global.virt", "bluemind.test", "acme.test");
        assertThat(all).filteredOn(d -> d.value().global()).extracting(ItemValue::uid).containsExactly("global.virt");
        Domain bm = core.lookupDomain("corp.test").orElseThrow().value();
        assertThat(bm.name()).isEqualTo("bluemind.test");
        assertThat(bm.aliases()).containsExactly("bm.test", "corp.test");
        assertThat(bm.properties()).containsEntry("domain.im.server", "127.0.0.1");
        assertThat(core.lookupDomain("nowhere.test")).isEmpty();
        assertThat(core.lookupDomain("a b/../c?d")).isEmpty();
    }

    @Test
    void externalUrlAndDomainSettings() throws Exception {
        sim.setExternalUrl(null);
        assertThat(core.externalUrl()).isEmpty();
        sim.setExternalUrl("mail.bluemind.test");
        sim.setDomainSetting("bluemind.test", "domain.external.url", "chat.corp.test");
        try {
            assertThat(core.externalUrl()).contains("mail.bluemind.test");
            assertThat(core.domainSettings("bluemind.test")).containsEntry("domain.external.url", "chat.corp.test");
            assertThat(core.domainSettings("acme.test")).doesNotContainKey("domain.external.url");
            assertThat(core.domainSettings("nowhere.test")).isEmpty();
            sim.answer("/api/system/configuration", 200, "application/json", "{\"values\":{\"external-url\":42}}");
            assertFails(() -> core.externalUrl(), Kind.BAD_RESPONSE, "external-url");
            sim.answer("/api/domains/acme.test/_settings", 200, "application/json", "[1]");
            assertFails(() -> core.domainSettings("acme.test"), Kind.BAD_RESPONSE, "JSON object");
        } finally {
            sim.setExternalUrl(null);
            sim.setDomainSetting("bluemind.test", "domain.external.url", null);
        }
    }

    @Test
    void usersByEmailAndLogin() throws Exception {
        ItemValue<User> alice = core.userByEmail("bluemind.test", "alice@bm.test").orElseThrow();
        assertThat(alice.uid()).isEqualTo("u-alice");
        assertThat(alice.displayName()).isEqualTo("Alice Liddell");
        assertThat(alice.value().defaultEmail()).contains("alice@bluemind.test");
        assertThat(alice.value().emails()).hasSize(3).first().satisfies(e -> {
            assertThat(e.isDefault()).isTrue();
            assertThat(e.allAliases()).isTrue();
        });
        assertThat(alice.value().mayUseIm()).isTrue();
        assertThat(core.userByEmail("bluemind.test", "dave@bluemind.test").orElseThrow().value().archived()).isTrue();
        assertThat(core.userByEmail("bluemind.test", "bmhiddensysadmin@bluemind.test").orElseThrow().value()
                .mayUseIm()).isFalse();
        assertThat(core.userByEmail("bluemind.test", "nobody@bluemind.test")).isEmpty();
        assertThat(core.userByEmail("bluemind.test", "a b/c%2F+d@bluemind.test")).isEmpty();
        assertThat(core.userByEmail("no-such-domain", "alice@bluemind.test")).isEmpty();
        assertThat(core.userByLogin("acme.test", "alice").orElseThrow().uid()).isEqualTo("u-acme-alice");
        assertThat(core.userByLogin("acme.test", "bob")).isEmpty();
    }

    @Test
    void resolvedRoles() throws Exception {
        assertThat(core.resolvedRoles("bluemind.test", "u-alice")).contains("hasIM", "hasMail");
        assertThat(core.resolvedRoles("bluemind.test", "u-carol")).doesNotContain("hasIM");
        assertFails(() -> core.resolvedRoles("bluemind.test", "u-ghost"), Kind.NOT_FOUND, "u-ghost", "404");
    }

    @Test
    void richAndAwkwardVCards() throws Exception {
        VCard alice = core.vcard("bluemind.test", "u-alice").orElseThrow();
        assertThat(alice.identification().formatedName().value()).isEqualTo("Alice Liddell");
        assertThat(alice.identification().name().givenNames()).isEqualTo("Alice");
        assertThat(alice.identification().name().suffixes()).isEqualTo("PhD");
        assertThat(alice.identification().nickname().value()).isEqualTo("ali");
        assertThat(alice.identification().birthday()).isEqualTo(263174400000L);
        assertThat(alice.identification().photo()).isTrue();
        assertThat(alice.communications().tels()).hasSize(3);
        assertThat(alice.communications().tels().get(1).parameters())
                .containsExactly(new VCard.Parameter("TYPE", "cell"));
        assertThat(alice.organizational().org().department()).isEqualTo("Wonderland");
        assertThat(alice.deliveryAddressing().get(0).address().extentedAddress()).isEqualTo("Building B");
        assertThat(alice.explanatory().urls()).hasSize(2);
        VCard zoe = core.vcard("bluemind.test", "u-zoe").orElseThrow();
        assertThat(zoe.identification().formatedName().value()).isEqualTo("Zoë \"Z\" <&> O'Brien\u0007");
        assertThat(zoe.explanatory().note()).contains("\u0001", "]]>");
        assertThat(core.vcard("bluemind.test", "u-frank").orElseThrow().identification().photo()).isFalse();
        assertThat(core.vcard("bluemind.test", "u-ghost")).isEmpty();
    }

    @Test
    void photosAndIconsAreBytesOrEmpty() throws Exception {
        byte[] bob = core.photo("bluemind.test", "u-bob").orElseThrow();
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(bob));
        assertThat(img.getWidth()).isEqualTo(1024);
        assertThat(bob).isEqualTo(sim.photo("bob@bluemind.test").orElseThrow());
        assertThat(ImageIO.read(new ByteArrayInputStream(core.icon("bluemind.test", "u-bob").orElseThrow())).getWidth())
                .isEqualTo(32);
        // bad data is handed over as is: deciding what an image is belongs to the vcard plugin
        assertThat(core.photo("bluemind.test", "u-zoe").orElseThrow()).startsWith("this is not a PNG".getBytes());
        assertThat(core.photo("bluemind.test", "u-frank")).isEmpty();
        assertThat(core.icon("bluemind.test", "u-frank")).isEmpty();
    }

    @Test
    void reusesOneConnection() throws Exception {
        for (int i = 0; i < 20; i++) {
            core.userByEmail("bluemind.test", "alice@bluemind.test");
        }
        assertThat(sim.requests("/api/users/")).isEqualTo(20);
        assertThat(sim.connections()).isEqualTo(1);
    }

    // --- failures -------------------------------------------------------------------------------

    @Test
    void wrongTokenIsRejectedThenTheFileIsReadAgain() throws Exception {
        Files.writeString(tokenFile, "not-the-token\n");
        assertFails(() -> core.domains(), Kind.REJECTED, sim.baseUrl() + "/api/domains", "HTTP 401");
        sim.writeTokenFile(tmp);
        assertThat(core.domains()).isNotEmpty();
    }

    @Test
    void aRenewedTokenIsPickedUpFromTheFile() throws Exception {
        assertThat(core.domains()).isNotEmpty();
        String old = sim.apiToken();
        try {
            sim.setApiToken("renewed-token-42");
            assertFails(() -> core.domains(), Kind.REJECTED, "HTTP 401");
            sim.writeTokenFile(tmp);
            assertThat(core.domains()).isNotEmpty();
        } finally {
            sim.setApiToken(old);
        }
    }

    @Test
    void aRefusedTokenIsReadAgainEvenWhenTheFileLooksUnchanged() throws Exception {
        assertThat(core.domains()).isNotEmpty();
        String old = sim.apiToken();
        var mtime = Files.getLastModifiedTime(tokenFile);
        try {
            sim.setApiToken(new StringBuilder(old).reverse().toString()); // same length
            sim.writeTokenFile(tmp);
            Files.setLastModifiedTime(tokenFile, mtime);
            assertFails(() -> core.domains(), Kind.REJECTED, "HTTP 401");
            assertThat(core.domains()).isNotEmpty();
        } finally {
            sim.setApiToken(old);
        }
    }

    @Test
    void missingOrEmptyTokenFile() throws Exception {
        Files.delete(tokenFile);
        assertFails(() -> core.domains(), Kind.REJECTED, tokenFile.toString(), "does not exist");
        Files.writeString(tokenFile, "  \n");
        assertFails(() -> core.domains(), Kind.REJECTED, tokenFile.toString(), "empty");
        assertThat(sim.requests("/api/")).isZero();
        sim.writeTokenFile(tmp);
        assertThat(core.domains()).isNotEmpty();
    }

    @Test
    void serverErrorsAreUnavailable() {
        sim.failWith(500);
        assertFails(() -> core.validate("alice@bluemind.test", "alice-pw"), Kind.UNAVAILABLE, "HTTP 500", "/api/auth/validate");
        sim.failWith(503);
        assertFails(() -> core.photo("bluemind.test", "u-bob"), Kind.UNAVAILABLE, "HTTP 503");
        assertFails(() -> core.userByEmail("bluemind.test", "alice@bluemind.test"), Kind.UNAVAILABLE, "HTTP 503");
    }

    @Test
    void forbiddenIsRejectedAndOtherStatusesAreBadResponses() {
        sim.failWith(403);
        assertFails(() -> core.domains(), Kind.REJECTED, "HTTP 403");
        sim.failWith(418);
        assertFails(() -> core.domains(), Kind.BAD_RESPONSE, "HTTP 418");
        assertFails(() -> core.userByEmail("bluemind.test", "alice@bluemind.test"), Kind.BAD_RESPONSE, "HTTP 418");
        assertFails(() -> core.icon("bluemind.test", "u-bob"), Kind.BAD_RESPONSE, "HTTP 418");
    }

    @Test
    void slowCoreTimesOut() {
        HttpCoreClient impatient = new HttpCoreClient(settings(Map.of("core-url", sim.baseUrl().toString(),
                "core-read-timeout", "300ms")));
        sim.slow(Duration.ofMillis(1500));
        assertFails(() -> impatient.lookupDomain("bm.test"), Kind.UNAVAILABLE, "300ms", "core-read-timeout");
    }

    @Test
    void goneCoreIsUnavailableAndTheClientRecoversWhenItComesBack() throws Exception {
        assertThat(core.domains()).isNotEmpty();
        sim.goAway();
        assertFails(() -> core.domains(), Kind.UNAVAILABLE, "bm-core unreachable", sim.baseUrl().toString());
        assertFails(() -> core.validate("alice@bluemind.test", "alice-pw"), Kind.UNAVAILABLE, "unreachable");
        sim.comeBack();
        assertThat(core.domains()).isNotEmpty();
    }

    @Test
    void garbageIsABadResponse() {
        sim.garbage();
        assertFails(() -> core.domains(), Kind.BAD_RESPONSE, "not a valid", "/api/domains");
        assertFails(() -> core.validate("alice@bluemind.test", "alice-pw"), Kind.BAD_RESPONSE, "not a valid");
        assertFails(() -> core.vcard("bluemind.test", "u-alice"), Kind.BAD_RESPONSE, "VCard");
        assertFails(() -> core.login("alice@bluemind.test", "alice-pw"), Kind.BAD_RESPONSE, "/api/auth/login");
    }

    @Test
    void answersOutsideTheContractAreBadResponses() {
        sim.answer("/api/auth/validate", 200, "application/json", "\"MAYBE\"");
        assertFails(() -> core.validate("alice@bluemind.test", "alice-pw"), Kind.BAD_RESPONSE, "\"MAYBE\"");
        sim.answer("/api/auth/login", 200, "application/json", "{\"message\":\"no status\"}");
        assertFails(() -> core.login("alice@bluemind.test", "alice-pw"), Kind.BAD_RESPONSE, "without status");
        sim.answer("/api/users/bluemind.test/byEmail/", 200, "application/json", "{\"uid\":null,\"value\":{}}");
        assertFails(() -> core.userByEmail("bluemind.test", "alice@bluemind.test"), Kind.BAD_RESPONSE, "without uid");
        sim.answer("/api/domains", 200, "application/json", "[{\"uid\":\"x.test\"}]");
        assertFails(() -> core.domains(), Kind.BAD_RESPONSE, "without uid or value");
        sim.answer("/api/users/bluemind.test/u-alice/roles_resolved", 200, "application/json", "[\"hasIM\",null]");
        assertFails(() -> core.resolvedRoles("bluemind.test", "u-alice"), Kind.BAD_RESPONSE, "null");
        sim.answer("/api/users/bluemind.test/u-alice/photo", 200, "image/png", "");
        assertFails(() -> core.photo("bluemind.test", "u-alice"), Kind.BAD_RESPONSE, "empty body");
        sim.answer("/api/users/bluemind.test/u-alice/vcard", 200, "application/json", "null");
        assertFails(() -> core.vcard("bluemind.test", "u-alice"), Kind.BAD_RESPONSE);
        sim.answer("/api/domains/_lookup", 200, "application/json", "[1,2]");
        assertFails(() -> core.lookupDomain("bm.test"), Kind.BAD_RESPONSE, "not a valid");
    }

    @Test
    void nothingListeningIsUnavailable() throws Exception {
        int freePort;
        try (var s = new java.net.ServerSocket(0)) {
            freePort = s.getLocalPort();
        }
        HttpCoreClient nowhere = new HttpCoreClient(settings(Map.of("core-url", "http://127.0.0.1:" + freePort)));
        assertFails(() -> nowhere.domains(), Kind.UNAVAILABLE, "127.0.0.1:" + freePort, "refused");
    }

    @Test
    void withSeveralCoreUrlsACallGoesToTheNextWhenOneCannotBeReachedAndStaysThere() throws Exception {
        int freePort;
        try (var s = new java.net.ServerSocket(0)) {
            freePort = s.getLocalPort();
        }
        HttpCoreClient two = new HttpCoreClient(settings(Map.of("core-url",
                "http://127.0.0.1:" + freePort + "," + sim.baseUrl())));

        assertThat(two.validate("alice@bluemind.test", "alice-pw")).as("the first is down, the second answers")
                .isEqualTo(ValidationResult.PASSWORD);
        assertThat(two.lookupDomain("bm.test")).isPresent();
        assertThat(sim.requests("/api/auth/validate") + sim.requests("/api/domains")).isEqualTo(2);

        sim.goAway();
        try {
            assertFails(() -> two.domains(), Kind.UNAVAILABLE, "refused");
        } finally {
            sim.comeBack();
        }
        assertThat(two.lookupDomain("bm.test")).as("back to the one that answers again").isPresent();
    }

    @Test
    void coreUrlMayEndWithApiOrASlash() throws Exception {
        for (String url : List.of(sim.baseUrl() + "/", sim.baseUrl() + "/api", sim.baseUrl() + "/api/")) {
            assertThat(new HttpCoreClient(settings(Map.of("core-url", url))).lookupDomain("bm.test")).as(url).isPresent();
        }
    }
}
