package net.bluemind.xmpp.it.archive;

import static net.bluemind.xmpp.it.archive.ArchiveTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.bluemind.xmpp.archive.ArchiveEngine;
import net.bluemind.xmpp.archive.ArchivedMessage;
import net.bluemind.xmpp.archive.capture.Direction;
import net.bluemind.xmpp.archive.capture.Stanza;
import net.bluemind.xmpp.archive.erase.RetentionPurge;
import net.bluemind.xmpp.archive.erase.UserErasure;
import net.bluemind.xmpp.archive.es.EsConnection;
import net.bluemind.xmpp.archive.es.IndexNames;
import net.bluemind.xmpp.common.bus.BusEvent;
import net.bluemind.xmpp.common.core.HttpCoreClient;
import net.bluemind.xmpp.common.settings.Keys;
import net.bluemind.xmpp.common.settings.Settings;
import net.bluemind.xmpp.testkit.core.BmCoreSimulator;
import net.bluemind.xmpp.testkit.core.SimulatedUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retention purge and erasing a deleted user's archive, on the real Elasticsearch (bm-core: the simulator). */
class ArchiveRemovalIT {

    private static final long DAY = 86_400_000L;

    private EsConnection conn;
    private IndexNames names;
    private ArchiveEngine engine;
    private final AtomicLong clock = new AtomicLong();

    @BeforeEach
    void setUp() throws Exception {
        URI es = ArchiveTestSupport.es();
        conn = ArchiveTestSupport.client(es);
        names = ArchiveTestSupport.freshNames();
        engine = ArchiveTestSupport.engine(ArchiveTestSupport.config(es, names, Files.createTempDirectory("rm-spool"), 100),
                clock::get);
    }

    @AfterEach
    void tearDown() {
        engine.close();
        ArchiveTestSupport.drop(conn.client(), names);
        conn.close();
    }

    private void chat(String from, String to, String body) {
        engine.capture(new Stanza("chat", from, to, null, body, null, false, false), Direction.OUTGOING).orElseThrow();
    }

    private List<ArchivedMessage> stored(int expected) throws Exception {
        await(Duration.ofSeconds(30), expected + " stored", () -> engine.stats().stored() == expected);
        ArchiveTestSupport.refresh(conn.client(), names);
        return ArchiveTestSupport.all(conn.client(), names);
    }

    @Test
    void retentionPurgesOnlyOlderMessages() throws Exception {
        long now = System.currentTimeMillis();
        clock.set(now - 40 * DAY);
        chat("alice@acme.test", "bob@acme.test", "old one");
        chat("alice@acme.test", "bob@acme.test", "old two");
        clock.set(now - 5 * DAY);
        chat("alice@acme.test", "bob@acme.test", "recent");
        stored(3);
        long purged = new RetentionPurge(engine.removal(), Duration.ofDays(30), () -> now).runOnce();
        assertThat(purged).isEqualTo(2);
        assertThat(ArchiveTestSupport.all(conn.client(), names)).extracting(ArchivedMessage::message).containsExactly("recent");
    }

    @Test
    void erasingAUserKeepsWhatOthersStillOwn() throws Exception {
        clock.set(1_000);
        chat("alice@acme.test", "bob@acme.test", "shared");
        chat("alice@acme.test", "zoe@other.example", "alice only");
        engine.capture(new Stanza("groupchat", "alice@acme.test/p", "dev@conference.acme.test", null, "room talk", null, false,
                false), Direction.OUTGOING).orElseThrow();
        stored(3);
        long changed = engine.removal().eraseOwner("alice@acme.test");
        assertThat(changed).isEqualTo(2);
        List<ArchivedMessage> left = ArchiveTestSupport.all(conn.client(), names);
        assertThat(left).extracting(ArchivedMessage::message).containsExactlyInAnyOrder("shared", "room talk");
        assertThat(left).filteredOn(m -> m.message().equals("shared")).singleElement()
                .satisfies(m -> assertThat(m.owners()).containsExactly("bob@acme.test"));
    }

    @Test
    void userDeletedOnTheBusErasesThatUsersArchive() throws Exception {
        try (BmCoreSimulator core = BmCoreSimulator.start()) {
            Path tok = core.writeTokenFile(Files.createTempDirectory("tok"));
            Settings settings = Settings.defaults().with(Keys.CORE_URL, core.baseUrl().toString())
                    .with(Keys.CORE_TOKEN_FILE, tok.toString());
            SimulatedUser bob = core.user("bob@bluemind.test");
            clock.set(1_000);
            chat("bob@bluemind.test", "zoe@other.example", "bob alone");
            chat("alice@bluemind.test", "bob@bluemind.test", "alice to bob");
            chat("alice@bluemind.test", "carol@bluemind.test", "untouched");
            stored(3);
            UserErasure erasure = new UserErasure(new HttpCoreClient(settings), engine.removal(), ArchiveTestSupport.LOCAL::contains,
                    Runnable::run);
            erasure.onEvent(new BusEvent(BusEvent.DIRECTORY, "user.deleted", Map.of("domain", bob.domainUid(), "uid", bob.uid())));
            List<ArchivedMessage> left = ArchiveTestSupport.all(conn.client(), names);
            assertThat(left).extracting(ArchivedMessage::message).containsExactlyInAnyOrder("alice to bob", "untouched");
            assertThat(left).allSatisfy(m -> assertThat(m.owners()).doesNotContain("bob@bluemind.test"));
            // an unknown uid erases nothing and does not throw
            erasure.onEvent(new BusEvent(BusEvent.DIRECTORY, "user.deleted", Map.of("domain", bob.domainUid(), "uid", "nobody")));
            assertThat(ArchiveTestSupport.all(conn.client(), names)).hasSize(2);
        }
    }
}
