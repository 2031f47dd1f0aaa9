package net.bluemind.xmpp.domains;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import net.bluemind.xmpp.common.bus.BusEvent;
import net.bluemind.xmpp.common.core.CoreClient;
import net.bluemind.xmpp.common.core.HttpCoreClient;
import net.bluemind.xmpp.common.settings.Keys;
import net.bluemind.xmpp.common.settings.Settings;
import net.bluemind.xmpp.domains.certs.CertificateSubject;
import net.bluemind.xmpp.domains.certs.CertificateSubjects;
import net.bluemind.xmpp.testkit.core.BmCoreSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync and the bus handling against the bm-core simulator; bus events are delivered by direct calls. */
class DomainSyncTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path tmp;

    private BmCoreSimulator sim;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
    private final HostedDomains hosted = new HostedDomains();
    /** domain uid -> what its certificate must cover, as the sync says it */
    private final Map<String, CertificateSubject> certs = new ConcurrentHashMap<>();
    private final CertificateSubjects subjects = new CertificateSubjects() {
        @Override
        public void setSubjects(Collection<CertificateSubject> all) {
            certs.clear();
            all.forEach(this::setSubject);
        }

        @Override
        public void setSubject(CertificateSubject s) {
            certs.put(s.domainUid(), s);
        }

        @Override
        public void removeSubject(String uid) {
            certs.remove(uid);
        }
    };
    private DomainSync sync;
    private DomainEvents events;

    @BeforeEach
    void start() throws Exception {
        sim = BmCoreSimulator.start();
        Settings settings = Settings.defaults()
                .with(Keys.CORE_URL, sim.baseUrl().toString())
                .with(Keys.CORE_TOKEN_FILE, sim.writeTokenFile(tmp).toString())
                .with(Keys.CORE_READ_TIMEOUT, "1500ms"); // a cold first call on a loaded machine takes a while
        CoreClient core = new HttpCoreClient(settings);
        sync = new DomainSync(core, hosted, subjects, scheduler, Duration.ofSeconds(2));
        events = new DomainEvents(sync);
        sim.addDomain("alpha.test", "alpha.example", "chat.alpha.test");
        assertThat(sync.resyncAndWait("test start", WAIT)).isTrue();
    }

    @AfterEach
    void stop() {
        sync.close();
        scheduler.shutdownNow();
        sim.close();
    }

    @Test
    void initialLoadServesEveryNameAndAliasButNeverTheGlobalDomain() {
        // the fixture's domains plus ours
        assertThat(hosted.names()).contains("bluemind.test", "bm.test", "corp.test", "acme.test", "acme-corp.test",
                "solo.test", "alpha.test", "alpha.example", "chat.alpha.test").doesNotContain("global.virt");
        assertThat(hosted.domainUidOf("alpha.example")).contains("alpha.test");
        assertThat(hosted.isLoaded()).isTrue();
    }

    @Test
    void eachDomainsCertificateCoversItsHostsTheirMucAndThePublicHostName() {
        assertThat(certs.get("alpha.test").dnsNames()).containsExactly("alpha.test", "alpha.example", "chat.alpha.test",
                "conference.alpha.test", "conference.alpha.example", "conference.chat.alpha.test");
        assertThat(certs).doesNotContainKey("global.virt");

        sim.setExternalUrl("https://Mail.Example.com/");
        sync.requestResync("external-url set");
        idle();
        assertThat(certs.get("alpha.test").dnsNames()).endsWith("mail.example.com");
        assertThat(certs.get("acme.test").dnsNames()).endsWith("mail.example.com");

        sim.setDomainSetting("alpha.test", "domain.external.url", "chat.alpha.example");
        sim.setDomainAliases("alpha.test", "alpha.example");
        events.onEvent(system("domain.updated", Map.of("domain", "alpha.test")));
        idle();
        assertThat(certs.get("alpha.test").dnsNames()).containsExactly("alpha.test", "alpha.example",
                "conference.alpha.test", "conference.alpha.example", "chat.alpha.example");
        assertThat(certs.get("acme.test").dnsNames()).endsWith("mail.example.com");

        // bm-core cannot tell any more: the last known names stay
        sim.answer("/api/system/configuration", 500, "application/json", "{}");
        sim.answer("/api/domains/alpha.test/_settings", 500, "application/json", "{}");
        sync.requestResync("settings failing");
        idle();
        assertThat(certs.get("alpha.test").dnsNames()).endsWith("chat.alpha.example");
        assertThat(certs.get("acme.test").dnsNames()).endsWith("mail.example.com");

        events.onEvent(system("domain.deleted", Map.of("domain", "alpha.test")));
        idle();
        assertThat(certs).doesNotContainKey("alpha.test");
    }

    @Test
    void createdUpdatedDeletedFollowBlueMind() {
        sim.addDomain("gamma.test", "g.example");
        events.onEvent(system("domain.created", Map.of("domain", "gamma.test")));
        idle();
        assertThat(hosted.hostsOf("gamma.test")).containsExactlyInAnyOrder("gamma.test", "g.example");

        sim.setDomainAliases("gamma.test", "g2.example");
        events.onEvent(system("domain.updated", Map.of("domain", "gamma.test")));
        idle();
        assertThat(hosted.hostsOf("gamma.test")).containsExactlyInAnyOrder("gamma.test", "g2.example");

        sim.removeDomain("gamma.test");
        events.onEvent(system("domain.deleted", Map.of("domain", "gamma.test")));
        idle();
        assertThat(hosted.knowsDomain("gamma.test")).isFalse();
        assertThat(hosted.names()).doesNotContain("gamma.test", "g2.example").contains("alpha.test");
    }

    @Test
    void badEventsAreIgnoredAndChangeNothing() {
        var before = hosted.all();

        events.onEvent(system("domain.created", Map.of()));
        events.onEvent(system("domain.created", Map.of("domain", "  ")));
        events.onEvent(system("domain.created", Map.of("domain", "nobody-knows.test")));
        events.onEvent(system("domain.updated", Map.of("domain", "nobody-knows.test")));
        events.onEvent(system("domain.deleted", Map.of("domain", "nobody-knows.test")));
        events.onEvent(system("something.else", Map.of("domain", "alpha.test")));
        events.onEvent(new BusEvent(BusEvent.DIRECTORY, "domain.deleted", Map.of("domain", "alpha.test")));
        idle();

        assertThat(hosted.all()).isEqualTo(before);
    }

    @Test
    void coreRunningAndReconnectTriggerAFullResync() {
        long syncs = sync.fullSyncCount();
        sim.addDomain("missed.test"); // created while we were not listening: no event

        events.onEvent(system("core.state", Map.of("state", "CORE_STATE_STARTING")));
        idle();
        assertThat(sync.fullSyncCount()).isEqualTo(syncs);
        assertThat(hosted.contains("missed.test")).isFalse();

        events.onEvent(system("core.state", Map.of("state", "CORE_STATE_RUNNING")));
        idle();
        assertThat(hosted.contains("missed.test")).isTrue();

        sim.addDomain("missed2.test");
        events.onConnected();
        idle();
        assertThat(hosted.contains("missed2.test")).isTrue();
        assertThat(sync.fullSyncCount()).isEqualTo(syncs + 2);
    }

    @Test
    void coreGoneKeepsTheListThenRecoversByItself() throws Exception {
        var before = hosted.all();
        sim.goAway();

        sync.requestResync("test");
        events.onEvent(system("domain.updated", Map.of("domain", "alpha.test")));
        idle();
        assertThat(hosted.all()).isEqualTo(before);

        sim.addDomain("later.test");
        sim.comeBack();
        waitFor(() -> hosted.contains("later.test")); // the retry, no event needed
    }

    @Test
    void coreErrorsAndSlownessKeepTheList() {
        var before = hosted.all();

        sim.failWith(503);
        sync.requestResync("test 5xx");
        idle();
        assertThat(hosted.all()).isEqualTo(before);

        sim.healthy();
        sim.slow(Duration.ofSeconds(4));
        sync.requestResync("test slow");
        idle();
        assertThat(hosted.all()).isEqualTo(before);
        sim.healthy();
    }

    private static BusEvent system(String op, Map<String, String> props) {
        return new BusEvent(BusEvent.SYSTEM, op, props);
    }

    private void idle() {
        assertThat(sync.awaitIdle(WAIT)).isTrue();
    }

    private static void waitFor(java.util.function.BooleanSupplier c) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!c.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(c.getAsBoolean()).isTrue();
    }
}
