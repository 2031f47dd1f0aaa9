package net.bluemind.xmpp.vcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import net.bluemind.xmpp.common.bus.BusEvent;
import net.bluemind.xmpp.testkit.core.BmCoreSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cache in front of the simulator: hits, TTL, per-user eviction on bus events, stale-on-failure. */
class VCardServiceTest {

    static final Executor INLINE = Runnable::run;
    static SimulatedCore core;
    static BmCoreSimulator sim;

    final AtomicLong clock = new AtomicLong(1_000_000_000L);
    final List<String> changes = new CopyOnWriteArrayList<>();
    VCardService service;

    @BeforeAll
    static void start() {
        core = new SimulatedCore(Duration.ofMillis(700));
        sim = core.sim;
    }

    @AfterAll
    static void stop() {
        core.close();
    }

    @BeforeEach
    void fresh() {
        sim.healthy();
        service = core.service(Duration.ofMinutes(15), INLINE, clock::get);
        service.addListener((jid, photo) -> changes.add(jid + "=" + photo.map(Photo::sha1).orElse("none")));
    }

    static BusEvent directoryEvent(String operation, String uid) {
        return new BusEvent(BusEvent.DIRECTORY, operation, Map.of("domain", "bluemind.test", "uid", uid));
    }

    @Test
    void aCachedCardIsServedWithoutCallingBmCore() throws Exception {
        Contact first = service.contact("alice@bluemind.test").orElseThrow();
        sim.resetCounters();
        for (int i = 0; i < 50; i++) {
            assertThat(service.contact("ALICE@bluemind.test ")).contains(first);
        }
        assertThat(sim.requests("/api/")).isZero();
    }

    @Test
    void afterTheTtlTheCardIsReadAgain() throws Exception {
        service.contact("alice@bluemind.test");
        sim.setFormattedName("alice@bluemind.test", "Alice Renamed");
        clock.addAndGet(Duration.ofMinutes(14).toNanos());
        assertThat(service.contact("alice@bluemind.test").orElseThrow().formattedName()).isEqualTo("Alice Liddell");
        clock.addAndGet(Duration.ofMinutes(2).toNanos());
        sim.resetCounters();
        assertThat(service.contact("alice@bluemind.test").orElseThrow().formattedName()).isEqualTo("Alice Renamed");
        assertThat(sim.requests("/api/")).isPositive();
        sim.setFormattedName("alice@bluemind.test", "Alice Liddell");
    }

    @Test
    void userUpdatedEvictsOnlyThatUser() throws Exception {
        service.contact("alice@bluemind.test");
        service.contact("a.liddell@bluemind.test"); // alias: a second entry for the same user
        service.contact("grace@acme.test");
        sim.setFormattedName("alice@bluemind.test", "Alice After Event");
        try {
            service.onEvent(directoryEvent("user.updated", "u-alice"));
            sim.resetCounters();
            assertThat(service.contact("grace@acme.test").orElseThrow().formattedName()).isEqualTo("Grace Hopper");
            assertThat(sim.requests("/api/")).isZero();
            assertThat(service.contact("alice@bluemind.test").orElseThrow().formattedName()).isEqualTo("Alice After Event");
            assertThat(service.contact("a.liddell@bluemind.test").orElseThrow().formattedName()).isEqualTo("Alice After Event");
            assertThat(sim.requests("/api/")).isPositive();
        } finally {
            sim.setFormattedName("alice@bluemind.test", "Alice Liddell");
        }
    }

    @Test
    void photoUpdatedChangesTheHashAndTellsListenersOfOnlineUsers() throws Exception {
        byte[] before = sim.photo("alice@bluemind.test").orElseThrow();
        service.contact("alice@bluemind.test");
        assertThat(service.presencePhoto("alice@bluemind.test")).map(Photo::sha1).contains(PhotoProcessor.sha1Hex(before));
        byte[] red = BmCoreSimulator.paintPng(64, 64, Color.RED);
        sim.setPhoto("alice@bluemind.test", red);
        try {
            assertThat(changes).isEmpty();
            service.onEvent(directoryEvent("user.photo.updated", "u-alice"));
            assertThat(changes).containsExactly("alice@bluemind.test=" + PhotoProcessor.sha1Hex(red));
            assertThat(service.presencePhoto("alice@bluemind.test")).map(Photo::sha1).contains(PhotoProcessor.sha1Hex(red));

            sim.setPhoto("alice@bluemind.test", null);
            service.onEvent(directoryEvent("user.photo.updated", "u-alice"));
            assertThat(changes).last().isEqualTo("alice@bluemind.test=none");
            assertThat(service.presencePhoto("alice@bluemind.test")).isEmpty();

            // an event that changes nothing visible tells nobody
            service.onEvent(directoryEvent("user.updated", "u-alice"));
            assertThat(changes).hasSize(2);
        } finally {
            sim.setPhoto("alice@bluemind.test", before);
        }
    }

    @Test
    void usersWhosePresenceCarriesNoHashAreNotReadAgainEagerly() throws Exception {
        service.contact("grace@acme.test");
        sim.resetCounters();
        service.onEvent(new BusEvent(BusEvent.DIRECTORY, "user.photo.updated", Map.of("uid", "u-grace")));
        assertThat(sim.requests("/api/")).isZero();
        assertThat(changes).isEmpty();
        assertThat(service.cachedCount()).isZero();
    }

    @Test
    void aPresenceBeforeTheHashIsKnownSaysNotReadyThenTheListenerGetsIt() throws Exception {
        List<Runnable> queued = new CopyOnWriteArrayList<>();
        VCardService deferred = core.service(Duration.ofMinutes(15), queued::add, clock::get);
        deferred.addListener((jid, photo) -> changes.add(jid + "=" + photo.map(Photo::sha1).orElse("none")));
        assertThat(deferred.presencePhoto("grace@acme.test")).isNull();
        assertThat(queued).hasSize(1);
        queued.get(0).run();
        String hash = deferred.presencePhoto("grace@acme.test").orElseThrow().sha1();
        assertThat(changes).containsExactly("grace@acme.test=" + hash);
    }

    @Test
    void theKnownPhotoIsReadWithoutSideEffects() throws Exception {
        List<Runnable> queued = new CopyOnWriteArrayList<>();
        VCardService deferred = core.service(Duration.ofMinutes(15), queued::add, clock::get);
        deferred.addListener((jid, photo) -> changes.add(jid + "=" + photo.map(Photo::sha1).orElse("none")));
        sim.resetCounters();
        assertThat(deferred.knownPhoto("grace@acme.test")).isNull(); // not cached: not known, and no read started
        assertThat(queued).isEmpty();
        assertThat(sim.requests("/api/")).isZero();

        assertThat(deferred.presencePhoto("grace@acme.test")).isNull(); // the login presence: "not ready"
        queued.get(0).run(); // the background read: the hash is cached
        String hash = deferred.knownPhoto("GRACE@acme.test").orElseThrow().sha1();
        assertThat(changes).containsExactly("grace@acme.test=" + hash); // looking did not swallow the notification

        assertThat(deferred.knownPhoto("grace@acme.test")).map(Photo::sha1).contains(hash);
        assertThat(changes).hasSize(1);
        assertThat(deferred.knownPhoto("frank@bluemind.test")).isNull();
    }

    @Test
    void manyPresencesBeforeTheHashIsKnownStartOneReadOnly() {
        List<Runnable> queued = new CopyOnWriteArrayList<>();
        VCardService deferred = core.service(Duration.ofMinutes(15), queued::add, clock::get);
        for (int i = 0; i < 20; i++) {
            assertThat(deferred.presencePhoto("bob@bluemind.test")).isNull();
        }
        assertThat(queued).hasSize(1);
        queued.get(0).run();
        assertThat(deferred.presencePhoto("bob@bluemind.test")).isPresent();
    }

    @Test
    void aPhotoChangeDuringAnInFlightReadIsNotLost() throws Exception {
        List<Runnable> queued = new CopyOnWriteArrayList<>();
        VCardService deferred = core.service(Duration.ofMinutes(15), queued::add, clock::get);
        deferred.addListener((jid, photo) -> changes.add(jid + "=" + photo.map(Photo::sha1).orElse("none")));
        byte[] before = sim.photo("alice@bluemind.test").orElseThrow();
        deferred.contact("alice@bluemind.test");
        deferred.presencePhoto("alice@bluemind.test");
        deferred.markAllStale();
        assertThat(deferred.presencePhoto("alice@bluemind.test")).isPresent(); // stale: a re-read is queued
        assertThat(queued).hasSize(1);
        byte[] blue = BmCoreSimulator.paintPng(40, 40, Color.BLUE);
        sim.setPhoto("alice@bluemind.test", blue);
        try {
            deferred.onEvent(directoryEvent("user.photo.updated", "u-alice")); // while the first read is pending
            assertThat(queued).hasSize(1);
            queued.get(0).run(); // runs the read, then once more for the event
            assertThat(changes).containsExactly("alice@bluemind.test=" + PhotoProcessor.sha1Hex(blue));
        } finally {
            sim.setPhoto("alice@bluemind.test", before);
        }
    }

    @Test
    void userDeletedMeansNotFoundNeverAStaleCard() throws Exception {
        sim.addUser("temp@bluemind.test", "pw", "hasIM");
        String uid = sim.user("temp@bluemind.test").uid();
        assertThat(service.lookup("temp@bluemind.test")).isInstanceOf(Lookup.Found.class);
        sim.archive("temp@bluemind.test");
        service.onEvent(directoryEvent("user.deleted", uid));
        assertThat(service.lookup("temp@bluemind.test")).isInstanceOf(Lookup.NoSuchUser.class);
        sim.goAway();
        assertThatThrownBy(() -> service.lookup("temp@bluemind.test")).isInstanceOf(DirectoryUnavailableException.class);
    }

    @Test
    void unrelatedAndMalformedEventsAreIgnored() throws Exception {
        service.contact("alice@bluemind.test");
        service.onEvent(directoryEvent("user.password.changed", "u-alice"));
        service.onEvent(new BusEvent(BusEvent.DIRECTORY, "user.updated", Map.of("domain", "bluemind.test")));
        service.onEvent(new BusEvent(BusEvent.SYSTEM, "domain.updated", Map.of("domain", "bluemind.test")));
        sim.resetCounters();
        service.contact("alice@bluemind.test");
        assertThat(sim.requests("/api/")).isZero();
    }

    @Test
    void coreDownServesTheCachedCardAndFailsClearlyForOthers() throws Exception {
        Contact alice = service.contact("alice@bluemind.test").orElseThrow();
        service.markAllStale(); // as after a bus reconnect: the next lookup asks bm-core
        sim.goAway();
        assertThat(service.contact("alice@bluemind.test")).contains(alice);
        assertThatThrownBy(() -> service.lookup("bob@bluemind.test"))
                .isInstanceOf(DirectoryUnavailableException.class).hasMessageContaining("unavailable");
        sim.comeBack();
        assertThat(service.contact("bob@bluemind.test")).isPresent();
    }

    @Test
    void core5xxAndGarbageAreFailuresToo() throws Exception {
        Contact alice = service.contact("alice@bluemind.test").orElseThrow();
        clock.addAndGet(Duration.ofHours(1).toNanos());
        sim.failWith(503);
        assertThat(service.contact("alice@bluemind.test")).contains(alice);
        assertThatThrownBy(() -> service.lookup("grace@acme.test")).isInstanceOf(DirectoryUnavailableException.class);
        sim.healthy();
        sim.garbage();
        assertThat(service.contact("alice@bluemind.test")).contains(alice);
        assertThatThrownBy(() -> service.lookup("grace@acme.test")).isInstanceOf(DirectoryUnavailableException.class);
    }

    @Test
    void aSlowCoreCostsAtMostTheReadTimeout() throws Exception {
        Contact alice = service.contact("alice@bluemind.test").orElseThrow();
        service.onConnected(); // a bus reconnect marks everything stale
        sim.slow(Duration.ofSeconds(10));
        long t0 = System.nanoTime();
        assertThat(service.contact("alice@bluemind.test")).contains(alice);
        assertThatThrownBy(() -> service.lookup("grace@acme.test")).isInstanceOf(DirectoryUnavailableException.class);
        // two calls, each bounded by the 700 ms read timeout: far from the 10 s the simulator would take
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void theCacheIsBoundedInSize() throws Exception {
        VCardService tiny = new VCardService(core.directory(), Duration.ofMinutes(15), 2, INLINE);
        for (String u : List.of("alice@bluemind.test", "bob@bluemind.test", "grace@acme.test", "frank@bluemind.test")) {
            tiny.contact(u);
        }
        assertThat(tiny.cachedCount()).isLessThanOrEqualTo(2);
    }

    @Test
    void presencePhotoForAUserWithoutPhotoIsEmptyNotUnknown() throws Exception {
        service.contact("frank@bluemind.test");
        assertThat(service.presencePhoto("frank@bluemind.test")).isEqualTo(Optional.empty());
    }
}
