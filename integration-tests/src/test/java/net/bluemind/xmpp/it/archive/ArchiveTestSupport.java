package net.bluemind.xmpp.it.archive;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import net.bluemind.xmpp.archive.ArchiveConfig;
import net.bluemind.xmpp.archive.ArchiveEngine;
import net.bluemind.xmpp.archive.ArchivedMessage;
import net.bluemind.xmpp.archive.es.EsConnection;
import net.bluemind.xmpp.archive.es.IndexNames;
import net.bluemind.xmpp.archive.write.WriterConfig;
import net.bluemind.xmpp.testkit.services.ElasticsearchService;

/** Builds archive engines on the real test Elasticsearch, each test class with its own index and aliases. */
final class ArchiveTestSupport {

    static final Set<String> LOCAL = Set.of("acme.test", "bluemind.test");
    static final ScheduledExecutorService SCHEDULER = Executors.newScheduledThreadPool(1, r -> {
        Thread t = new Thread(r, "archive-it-scheduler");
        t.setDaemon(true);
        return t;
    });

    private ArchiveTestSupport() {
    }

    static URI es() {
        return ElasticsearchService.ensureStarted();
    }

    static IndexNames freshNames() {
        return IndexNames.prefixed("it-" + UUID.randomUUID().toString().substring(0, 8) + "-");
    }

    static ArchiveConfig config(URI es, IndexNames names, Path spool, int maxDocs) {
        return new ArchiveConfig(List.of(es), names, spool, 256L << 20, 1_000_000,
                new WriterConfig(maxDocs, 5L << 20, Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(800)),
                Duration.ZERO, 100);
    }

    static ArchiveEngine engine(ArchiveConfig config, LongSupplier clock) throws IOException {
        return new ArchiveEngine(config, null, null, SCHEDULER, LOCAL::contains, clock);
    }

    static EsConnection client(URI es) {
        return new EsConnection(List.of(es), Duration.ofSeconds(2), Duration.ofSeconds(60));
    }

    static void refresh(ElasticsearchClient es, IndexNames names) throws IOException {
        es.indices().refresh(r -> r.index(names.readAlias()));
    }

    static List<ArchivedMessage> all(ElasticsearchClient es, IndexNames names) throws IOException {
        SearchResponse<ArchivedMessage> r = es.search(s -> s.index(names.readAlias()).size(10_000)
                .query(q -> q.matchAll(m -> m)), ArchivedMessage.class);
        return r.hits().hits().stream().map(Hit::source).toList();
    }

    static void drop(ElasticsearchClient es, IndexNames names) {
        try {
            es.indices().delete(d -> d.index(names.index()).ignoreUnavailable(true));
        } catch (IOException | RuntimeException e) {
            // best effort cleanup
        }
    }

    static void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        net.bluemind.xmpp.it.support.Await.until(timeout, what, condition);
    }
}
