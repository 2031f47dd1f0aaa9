package net.bluemind.xmpp.it.archive;

import static net.bluemind.xmpp.it.archive.ArchiveTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.bluemind.xmpp.archive.ArchiveEngine;
import net.bluemind.xmpp.archive.ArchivedMessage;
import net.bluemind.xmpp.archive.capture.Direction;
import net.bluemind.xmpp.archive.capture.Stanza;
import net.bluemind.xmpp.archive.es.EsConnection;
import net.bluemind.xmpp.archive.es.IndexNames;
import net.bluemind.xmpp.testkit.services.DedicatedElasticsearch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Nothing lost, nothing duplicated: Elasticsearch is killed in the middle of a stream and restarted (on a node of
 * the test's own); the shared node becomes unreachable mid-stream (connections cut mid-request, new ones refused)
 * and comes back; the archive is restarted with a non-empty spool.
 */
class ArchiveDurabilityIT {

    private URI es;
    private EsConnection client;
    private IndexNames names;
    private CuttableProxy proxy;

    @BeforeEach
    void setUp() throws Exception {
        es = ArchiveTestSupport.es();
        client = ArchiveTestSupport.client(es);
        names = ArchiveTestSupport.freshNames();
        proxy = new CuttableProxy(es.getPort());
    }

    @AfterEach
    void tearDown() {
        proxy.close();
        ArchiveTestSupport.drop(client.client(), names);
        client.close();
    }

    private URI viaProxy() {
        return URI.create("http://127.0.0.1:" + proxy.port());
    }

    private static String capture(ArchiveEngine engine, int i) {
        return engine.capture(new Stanza("chat", "alice@acme.test/p", "bob@acme.test", "m" + i, "message " + i, null,
                false, false), Direction.OUTGOING).orElseThrow();
    }

    private void assertExactlyOnce(List<String> sent) throws Exception {
        assertExactlyOnce(client, sent);
    }

    private void assertExactlyOnce(EsConnection client, List<String> sent) throws Exception {
        // an empty queue and spool do not mean stored: the spooler may still hold a batch it took from the
        // queue (up to archive-flush-interval); wait for what is asserted, the documents in Elasticsearch
        await(Duration.ofSeconds(60), sent.size() + " documents in Elasticsearch", () -> {
            try {
                ArchiveTestSupport.refresh(client.client(), names);
                return client.client().count(c -> c.index(names.readAlias())).count() >= sent.size();
            } catch (java.io.IOException e) {
                return false;
            }
        });
        ArchiveTestSupport.refresh(client.client(), names);
        List<ArchivedMessage> stored = ArchiveTestSupport.all(client.client(), names);
        Set<String> ids = new HashSet<>();
        stored.forEach(m -> ids.add(m.id()));
        assertThat(stored).as("documents in Elasticsearch").hasSize(sent.size());
        assertThat(ids).as("distinct ids").hasSize(sent.size()).containsExactlyInAnyOrderElementsOf(sent);
        long conversation = client.client().count(c -> c.index(names.readAlias())
                .query(q -> q.term(t -> t.field("owners").value("bob@acme.test")))).count();
        assertThat(conversation).isEqualTo(sent.size());
    }

    @Test
    void elasticsearchGoneMidStreamThenBackLosesAndDuplicatesNothing() throws Exception {
        Path spool = Files.createTempDirectory("durability-spool");
        List<String> sent = new ArrayList<>();
        try (ArchiveEngine engine = ArchiveTestSupport.engine(ArchiveTestSupport.config(viaProxy(), names, spool, 100),
                System::currentTimeMillis)) {
            for (int i = 0; i < 3000; i++) {
                sent.add(capture(engine, i));
                if (i == 1000) {
                    proxy.cut(); // ES "stopped" while bulk requests are in flight
                }
                if (i == 2200) {
                    assertThat(engine.spool().segments()).as("batches waiting in the spool while ES is away").isPositive();
                    proxy.restore();
                }
                if (i % 100 == 0) {
                    Thread.sleep(20); // a stream, not one burst
                }
            }
            await(Duration.ofSeconds(60), "spool drained", () -> engine.spool().segments() == 0 && engine.queued() == 0);
            assertThat(engine.stats().failedRequests()).as("writes failed while ES was away").isPositive();
            assertThat(engine.stats().dropped()).isZero();
            assertThat(engine.stats().rejected()).isZero();
        }
        assertExactlyOnce(sent);
    }

    /**
     * The real thing, on a node of this test's own: Elasticsearch killed (SIGKILL) while bulk requests are in
     * flight, messages keep coming while it is down and while it restarts on the same data.
     */
    @Test
    void elasticsearchKilledMidStreamAndRestartedLosesAndDuplicatesNothing() throws Exception {
        Path spool = Files.createTempDirectory("kill-spool");
        List<String> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        try (DedicatedElasticsearch own = new DedicatedElasticsearch().startFresh();
                EsConnection ownClient = ArchiveTestSupport.client(own.url());
                ArchiveEngine engine = ArchiveTestSupport.engine(ArchiveTestSupport.config(own.url(), names, spool, 100),
                        System::currentTimeMillis)) {
            java.util.concurrent.atomic.AtomicReference<Throwable> producerFailure = new java.util.concurrent.atomic.AtomicReference<>();
            Thread producer = new Thread(() -> {
                try {
                    for (int i = 0; i < 4000; i++) {
                        sent.add(capture(engine, i));
                        if (i % 20 == 0) {
                            Thread.sleep(10); // a stream: about 2000 messages/s
                        }
                    }
                } catch (Throwable t) {
                    producerFailure.set(t);
                }
            }, "kill-test-producer");
            producer.start();
            await(Duration.ofSeconds(30), "1000 messages sent", () -> sent.size() >= 1000);
            own.kill();
            await(Duration.ofSeconds(30), "2000 messages sent", () -> sent.size() >= 2000);
            assertThat(engine.spool().segments()).as("batches waiting in the spool while ES is dead").isPositive();
            own.restart(); // the producer goes on while ES starts
            producer.join(60_000);
            assertThat(producerFailure.get()).isNull();
            await(Duration.ofSeconds(120), "spool drained", () -> engine.spool().segments() == 0 && engine.queued() == 0);
            assertThat(engine.stats().failedRequests()).as("writes failed while ES was dead").isPositive();
            assertThat(engine.stats().dropped()).isZero();
            assertThat(engine.stats().rejected()).isZero();
            assertExactlyOnce(ownClient, sent);
        }
    }

    @Test
    void aRestartWithANonEmptySpoolLosesNothing() throws Exception {
        Path spool = Files.createTempDirectory("restart-spool");
        List<String> sent = new ArrayList<>();
        new ArchiveIndexFixture(client.client(), names).create(); // index exists, ES just unreachable for this engine
        proxy.cut();
        try (ArchiveEngine engine = ArchiveTestSupport.engine(ArchiveTestSupport.config(viaProxy(), names, spool, 100),
                System::currentTimeMillis)) {
            for (int i = 0; i < 500; i++) {
                sent.add(capture(engine, i));
            }
            await(Duration.ofSeconds(20), "queue spooled", () -> engine.queued() == 0);
        } // stop with ES away: everything stays in the spool
        try (var files = Files.list(spool)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("journal-"))).isNotEmpty();
        }
        proxy.restore();
        try (ArchiveEngine restarted = ArchiveTestSupport.engine(ArchiveTestSupport.config(viaProxy(), names, spool, 100),
                System::currentTimeMillis)) {
            await(Duration.ofSeconds(60), "spool replayed", () -> restarted.spool().segments() == 0);
            assertThat(restarted.stats().stored()).isEqualTo(500);
        }
        assertExactlyOnce(sent);
    }

    /**
     * A kill -9 after Elasticsearch acknowledged everything: the journal file being written was not reclaimed yet, so
     * the restart sends its messages again, under the same ids.
     */
    @Test
    void aCrashAfterElasticsearchAcknowledgedReplaysWithoutDuplicates() throws Exception {
        Path spool = Files.createTempDirectory("crash-spool");
        Path leftByCrash = Files.createTempDirectory("crash-spool-copy");
        List<String> sent = new ArrayList<>();
        try (ArchiveEngine engine = ArchiveTestSupport.engine(ArchiveTestSupport.config(es, names, spool, 50),
                System::currentTimeMillis)) {
            for (int i = 0; i < 300; i++) {
                sent.add(capture(engine, i));
            }
            await(Duration.ofSeconds(30), "stored", () -> engine.stats().stored() == 300 && engine.spool().segments() == 0);
            try (var files = Files.list(spool)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.copy(p, leftByCrash.resolve(p.getFileName())); // what a kill -9 now would leave
                }
            }
        }
        try (ArchiveEngine restarted = ArchiveTestSupport.engine(ArchiveTestSupport.config(es, names, leftByCrash, 500),
                System::currentTimeMillis)) {
            await(Duration.ofSeconds(30), "replayed", () -> restarted.spool().segments() == 0);
            assertThat(restarted.stats().stored()).as("acknowledged messages written again").isPositive();
        }
        assertExactlyOnce(sent);
    }

    /** An upgrade: a spool file of the format before the journal (seg-*.ndjson) is replayed, nothing duplicated. */
    @Test
    void replayingAlreadyStoredBatchesDoesNotDuplicate() throws Exception {
        Path spool = Files.createTempDirectory("replay-spool");
        List<String> sent = new ArrayList<>();
        try (ArchiveEngine engine = ArchiveTestSupport.engine(ArchiveTestSupport.config(es, names, spool, 50),
                System::currentTimeMillis)) {
            for (int i = 0; i < 200; i++) {
                sent.add(capture(engine, i));
            }
            await(Duration.ofSeconds(30), "stored", () -> engine.stats().stored() == 200);
            assertThat(engine.stats().bulkRequests()).as("bulk requests sized by archive-bulk-max-docs").isGreaterThanOrEqualTo(4);
        }
        // a crash after ES acknowledged but before the spool was cleaned: the same batch is in the spool again
        Path copy = spool.resolve("seg-00000000000000009999.ndjson");
        ArchiveTestSupport.refresh(client.client(), names);
        StringBuilder lines = new StringBuilder();
        for (ArchivedMessage m : ArchiveTestSupport.all(client.client(), names)) {
            lines.append(new String(net.bluemind.xmpp.archive.write.EncodedMessage.of(m).json(),
                    java.nio.charset.StandardCharsets.UTF_8)).append('\n');
        }
        Files.writeString(copy, lines);
        try (ArchiveEngine restarted = ArchiveTestSupport.engine(ArchiveTestSupport.config(es, names, spool, 500),
                System::currentTimeMillis)) {
            await(Duration.ofSeconds(30), "replayed", () -> restarted.spool().segments() == 0);
        }
        assertExactlyOnce(sent);
    }
}
