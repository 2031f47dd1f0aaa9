package net.bluemind.xmpp.it.vcard;

import static net.bluemind.xmpp.it.support.Await.until;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.bluemind.xmpp.common.bus.RabbitMessageBus;
import net.bluemind.xmpp.common.core.HttpCoreClient;
import net.bluemind.xmpp.common.settings.Settings;
import net.bluemind.xmpp.testkit.bus.BusPublisher;
import net.bluemind.xmpp.testkit.core.BmCoreSimulator;
import net.bluemind.xmpp.testkit.services.RabbitMqService;
import net.bluemind.xmpp.vcard.ContactDirectory;
import net.bluemind.xmpp.vcard.Photo;
import net.bluemind.xmpp.vcard.PhotoProcessor;
import net.bluemind.xmpp.vcard.VCardRequests;
import net.bluemind.xmpp.vcard.VCardService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The vcard engine subscribed to the real RabbitMQ: BlueMind's directory notifications drop cached cards,
 * a photo change reaches the presence hash and the avatar listener, garbage on the bus changes nothing.
 */
class VCardBusEventsIT {

    private BmCoreSimulator sim;
    private RabbitMessageBus bus;
    private BusPublisher publisher;
    private ExecutorService background;
    private VCardService service;
    private VCardRequests requests;
    private final List<String> changes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        URI amqp = RabbitMqService.ensureStarted();
        sim = BmCoreSimulator.start();
        Settings settings = Settings.load(Map.of("core-url", sim.baseUrl().toString(), "core-token-file",
                sim.writeTokenFile(Files.createTempDirectory("vcard-it")).toString()));
        background = Executors.newSingleThreadExecutor();
        service = new VCardService(new ContactDirectory(new HttpCoreClient(settings), new PhotoProcessor(192, 65536)),
                Duration.ofMinutes(15), 1000, background);
        service.addListener((jid, photo) -> changes.add(jid + "=" + photo.map(Photo::sha1).orElse("none")));
        requests = new VCardRequests(service);
        bus = new RabbitMessageBus(amqp, Duration.ofSeconds(2));
        bus.subscribe(service);
        bus.start();
        until(Duration.ofSeconds(20), "bus connected", bus::isConnected);
        publisher = new BusPublisher(amqp);
    }

    @AfterEach
    void stop() {
        publisher.close();
        bus.close();
        background.shutdownNow();
        sim.close();
    }

    @Test
    void photoUpdatedOnTheBusChangesTheHashInPresence() throws Exception {
        String alice = "alice@bluemind.test";
        service.contact(alice);
        String before = service.presencePhoto(alice).orElseThrow().sha1();
        assertThat(before).isEqualTo(sha1(sim.photo(alice).orElseThrow()));

        byte[] green = BmCoreSimulator.paintPng(80, 80, Color.GREEN);
        sim.setPhoto(alice, green);
        sim.resetCounters();
        Thread.sleep(300);
        assertThat(service.presencePhoto(alice)).map(Photo::sha1).contains(before); // cached until told
        assertThat(sim.requests("/api/")).isZero();

        publisher.publish(BusPublisher.DIRECTORY, "user.photo.updated",
                Map.of("domain", "bluemind.test", "uid", sim.user(alice).uid()));
        until(Duration.ofSeconds(10), "avatar change announced", () -> !changes.isEmpty());
        assertThat(changes).containsExactly(alice + "=" + sha1(green));
        assertThat(requests.presenceUpdate(alice).find("photo").text()).isEqualTo(sha1(green));
        assertThat(requests.avatarNotice(alice).orElseThrow().itemId()).isEqualTo(sha1(green));

        sim.setPhoto(alice, null);
        publisher.publish(BusPublisher.DIRECTORY, "user.photo.updated",
                Map.of("domain", "bluemind.test", "uid", sim.user(alice).uid()));
        until(Duration.ofSeconds(10), "photo removal announced", () -> changes.size() == 2);
        assertThat(changes.get(1)).isEqualTo(alice + "=none");
        assertThat(requests.presenceUpdate(alice).find("photo").text()).isNull(); // <photo/>
    }

    @Test
    void userUpdatedAndDeletedOnTheBusDropTheCachedCard() throws Exception {
        String grace = "grace@acme.test";
        assertThat(service.contact(grace).orElseThrow().formattedName()).isEqualTo("Grace Hopper");
        sim.setFormattedName(grace, "Admiral Grace Hopper");
        publisher.publish(BusPublisher.DIRECTORY, "user.updated", Map.of("domain", "acme.test", "uid", "u-grace"));
        until(Duration.ofSeconds(10), "card re-read after user.updated",
                () -> "Admiral Grace Hopper".equals(name(grace)));

        sim.archive(grace);
        publisher.publish(BusPublisher.DIRECTORY, "user.deleted", Map.of("domain", "acme.test", "uid", "u-grace"));
        until(Duration.ofSeconds(10), "user gone after user.deleted", () -> name(grace) == null);
    }

    @Test
    void garbageAndForeignEventsLeaveTheCacheAlone() throws Exception {
        service.contact("bob@bluemind.test");
        publisher.publishRaw(BusPublisher.DIRECTORY, "user.updated", "{not json".getBytes(StandardCharsets.UTF_8));
        publisher.publish(BusPublisher.DIRECTORY, "user.password.changed", Map.of("domain", "bluemind.test", "uid", "u-bob"));
        publisher.publish(BusPublisher.DIRECTORY, "user.updated", Map.of("domain", "bluemind.test"));
        // a marker event that does evict someone else proves the earlier ones were consumed
        service.contact("frank@bluemind.test");
        sim.setFormattedName("frank@bluemind.test", "Frank Changed");
        publisher.publish(BusPublisher.DIRECTORY, "user.updated", Map.of("domain", "bluemind.test", "uid", "u-frank"));
        until(Duration.ofSeconds(10), "marker consumed", () -> "Frank Changed".equals(name("frank@bluemind.test")));
        sim.resetCounters();
        service.contact("bob@bluemind.test");
        assertThat(sim.requests("/api/")).isZero();
    }

    private String name(String jid) {
        try {
            return service.contact(jid).map(c -> c.formattedName()).orElse(null);
        } catch (Exception e) {
            return "error: " + e;
        }
    }

    private static String sha1(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    }
}
