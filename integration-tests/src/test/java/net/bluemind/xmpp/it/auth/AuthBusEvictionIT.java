package net.bluemind.xmpp.it.auth;

import static net.bluemind.xmpp.it.support.Await.until;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import net.bluemind.xmpp.auth.AuthConfig;
import net.bluemind.xmpp.auth.AuthEvictions;
import net.bluemind.xmpp.auth.AuthOutcome;
import net.bluemind.xmpp.auth.Authenticator;
import net.bluemind.xmpp.auth.SaslCondition;
import net.bluemind.xmpp.common.bus.RabbitMessageBus;
import net.bluemind.xmpp.common.core.HttpCoreClient;
import net.bluemind.xmpp.common.settings.Settings;
import net.bluemind.xmpp.testkit.bus.BusPublisher;
import net.bluemind.xmpp.testkit.core.BmCoreSimulator;
import net.bluemind.xmpp.testkit.services.RabbitMqService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The auth engine subscribed to the real RabbitMQ: BlueMind's directory notifications drop cached logins of
 * that user only, and garbage on the bus changes nothing.
 */
class AuthBusEvictionIT {

    private BmCoreSimulator sim;
    private RabbitMessageBus bus;
    private BusPublisher publisher;
    private Authenticator auth;

    @BeforeEach
    void start() throws Exception {
        URI amqp = RabbitMqService.ensureStarted();
        sim = BmCoreSimulator.start();
        Settings settings = Settings.load(Map.of("core-url", sim.baseUrl().toString(), "core-token-file",
                sim.writeTokenFile(Files.createTempDirectory("auth-it")).toString(), "auth-throttle-delay", "0s"));
        auth = new Authenticator(new HttpCoreClient(settings), AuthConfig.from(settings));
        bus = new RabbitMessageBus(amqp, Duration.ofSeconds(2));
        bus.subscribe(new AuthEvictions(auth));
        bus.start();
        until(Duration.ofSeconds(20), "bus connected", bus::isConnected);
        publisher = new BusPublisher(amqp);
    }

    @AfterEach
    void stop() {
        publisher.close();
        bus.close();
        sim.close();
    }

    private AuthOutcome login(String who, String password) {
        return auth.authenticate(("\0" + who + "\0" + password).getBytes(StandardCharsets.UTF_8), "bluemind.test",
                "192.0.2.80");
    }

    private AuthOutcome.Source source(String who, String password) {
        AuthOutcome o = login(who, password);
        assertThat(o).isInstanceOf(AuthOutcome.Success.class);
        return ((AuthOutcome.Success) o).source();
    }

    @Test
    void passwordChangedOnTheBusRefusesTheOldPassword() throws Exception {
        assertThat(source("alice@bluemind.test", "alice-pw")).isEqualTo(AuthOutcome.Source.CORE);
        assertThat(source("bob@bluemind.test", "bob-pw")).isEqualTo(AuthOutcome.Source.CORE);
        sim.setPassword("alice@bluemind.test", "new-alice-pw");
        assertThat(source("alice@bluemind.test", "alice-pw")).as("cached until told").isEqualTo(AuthOutcome.Source.CACHE);

        publisher.publish(BusPublisher.DIRECTORY, "user.password.changed",
                Map.of("domain", "bluemind.test", "uid", "u-alice"));

        until(Duration.ofSeconds(10), "old password refused", () -> !login("alice@bluemind.test", "alice-pw").succeeded());
        assertThat(login("alice@bluemind.test", "alice-pw")).isInstanceOfSatisfying(AuthOutcome.Failure.class,
                f -> assertThat(f.condition()).isEqualTo(SaslCondition.NOT_AUTHORIZED));
        assertThat(source("alice@bluemind.test", "new-alice-pw")).isEqualTo(AuthOutcome.Source.CORE);
        assertThat(source("bob@bluemind.test", "bob-pw")).as("other users untouched").isEqualTo(AuthOutcome.Source.CACHE);
    }

    @Test
    void rolesChangedOnTheBusTakesImAway() throws Exception {
        assertThat(source("frank@bluemind.test", "frank-pw")).isEqualTo(AuthOutcome.Source.CORE);
        sim.setRoles("frank@bluemind.test", "hasMail");

        publisher.publish(BusPublisher.DIRECTORY, "user.roles.changed",
                Map.of("domain", "bluemind.test", "uid", "u-frank"));

        until(Duration.ofSeconds(10), "IM role gone", () -> !login("frank@bluemind.test", "frank-pw").succeeded());
        AuthOutcome.Failure refused = (AuthOutcome.Failure) login("frank@bluemind.test", "frank-pw");
        assertThat(refused.condition()).as("shown as a disabled account, not a wrong password")
                .isEqualTo(SaslCondition.ACCOUNT_DISABLED);
        assertThat(refused.text()).startsWith("Instant messaging is not enabled for this account");
    }

    @Test
    void userDeletedOnTheBusDropsTheCachedLogin() throws Exception {
        assertThat(source("grace@acme.test", "grace-pw")).isEqualTo(AuthOutcome.Source.CORE);
        sim.archive("grace@acme.test");

        publisher.publish(BusPublisher.DIRECTORY, "user.deleted", Map.of("domain", "acme.test", "uid", "u-grace"));

        until(Duration.ofSeconds(10), "archived user refused", () -> !login("grace@acme.test", "grace-pw").succeeded());
        assertThat(((AuthOutcome.Failure) login("grace@acme.test", "grace-pw")).condition())
                .isEqualTo(SaslCondition.ACCOUNT_DISABLED);
    }

    @Test
    void garbageOnTheBusChangesNothing() throws Exception {
        assertThat(source("bob@bluemind.test", "bob-pw")).isEqualTo(AuthOutcome.Source.CORE);

        publisher.publishRaw(BusPublisher.DIRECTORY, "user.password.changed", "{not json".getBytes(StandardCharsets.UTF_8));
        publisher.publish(BusPublisher.DIRECTORY, "user.password.changed", Map.of("domain", "bluemind.test"));
        publisher.publish(BusPublisher.DIRECTORY, "user.photo.updated", Map.of("domain", "bluemind.test", "uid", "u-bob"));
        // a marker event for another user, to know the ones before it were consumed
        assertThat(source("alice@bluemind.test", "alice-pw")).isEqualTo(AuthOutcome.Source.CORE);
        publisher.publish(BusPublisher.DIRECTORY, "user.deleted", Map.of("domain", "bluemind.test", "uid", "u-alice"));
        until(Duration.ofSeconds(10), "marker consumed",
                () -> source("alice@bluemind.test", "alice-pw") == AuthOutcome.Source.CORE);

        assertThat(source("bob@bluemind.test", "bob-pw")).isEqualTo(AuthOutcome.Source.CACHE);
        assertThat(bus.isConnected()).isTrue();
    }
}
