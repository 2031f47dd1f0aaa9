package net.bluemind.xmpp.it.archive;

import static net.bluemind.xmpp.it.archive.ArchiveMamIT.bodies;
import static net.bluemind.xmpp.it.archive.ArchiveMamIT.el;
import static net.bluemind.xmpp.it.archive.ArchiveMamIT.field;
import static net.bluemind.xmpp.it.archive.ArchiveMamIT.query;
import static net.bluemind.xmpp.it.archive.ArchiveMamIT.set;
import static net.bluemind.xmpp.it.archive.ArchiveMamIT.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import net.bluemind.xmpp.archive.ArchiveConfig;
import net.bluemind.xmpp.archive.ArchiveEngine;
import net.bluemind.xmpp.archive.capture.Direction;
import net.bluemind.xmpp.archive.capture.Stanza;
import net.bluemind.xmpp.archive.es.EsConnection;
import net.bluemind.xmpp.archive.es.IndexNames;
import net.bluemind.xmpp.archive.mam.MamAnswer;
import net.bluemind.xmpp.archive.write.WriterConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Read-your-writes (issue 17's MAM conformance failures): a query asked right after messages were captured sees
 * them all, paging included, although they are still on their way to Elasticsearch (1 s flush interval, 1 s index
 * refresh, as shipped).
 */
class ArchiveReadYourWritesIT {

    static final String ANA = "ana@acme.test";
    static final String BEN = "ben@acme.test";

    static EsConnection es;
    static IndexNames names;
    static ArchiveEngine engine;
    static final AtomicLong clock = new AtomicLong(System.currentTimeMillis());

    @BeforeAll
    static void start() throws Exception {
        names = ArchiveTestSupport.freshNames();
        ArchiveConfig base = ArchiveTestSupport.config(ArchiveTestSupport.es(), names,
                Files.createTempDirectory("ryw-spool"), 500);
        WriterConfig w = base.writer();
        ArchiveConfig shipped = new ArchiveConfig(base.esUrls(), names, base.spoolDir(), base.spoolMax(), base.queueMax(),
                new WriterConfig(w.maxDocs(), w.maxBytes(), Duration.ofSeconds(1), w.retryInitial(), w.retryMax()),
                base.retention(), base.maxPage());
        engine = ArchiveTestSupport.engine(shipped, clock::incrementAndGet);
        es = ArchiveTestSupport.client(ArchiveTestSupport.es());
    }

    @AfterAll
    static void stop() {
        engine.close();
        ArchiveTestSupport.drop(es.client(), names);
        es.close();
    }

    private static List<String> send(int n, String word) {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String body = word + " " + i;
            engine.capture(new Stanza("chat", ANA + "/phone", BEN, "m" + i, body, null, false, false), Direction.OUTGOING);
            sent.add(body);
        }
        return sent;
    }

    @Test
    void theLastMessageSentIsTheLastOneMamReturnsAtOnce() throws Exception {
        String word = "fresh" + UUID.randomUUID().toString().substring(0, 6);
        List<String> sent = send(3, word);
        MamAnswer last = engine.mam().handle(BEN + "/pc", null, true,
                query(List.of(field("with", ANA)), el("max", "1"), el("before", null)));
        assertThat(bodies(last)).containsExactly(sent.get(2));
    }

    @Test
    void aPageAskedAtOnceIsIncompleteAndPagingWalksEveryMessageOnce() throws Exception {
        String word = "paged" + UUID.randomUUID().toString().substring(0, 6);
        List<String> sent = send(7, word);
        MamAnswer first = engine.mam().handle(ANA + "/phone", null, true,
                query(List.of(field("with", BEN), field("{urn:xmpp:fulltext:0}fulltext", word)), el("max", "5")));
        assertThat(bodies(first)).containsExactlyElementsOf(sent.subList(0, 5));
        assertThat(first.iqChild().attribute("complete")).as("7 messages, a page of 5").isNotEqualTo("true");
        MamAnswer second = engine.mam().handle(ANA + "/phone", null, true,
                query(List.of(field("with", BEN), field("{urn:xmpp:fulltext:0}fulltext", word)), el("max", "5"),
                        el("after", text(set(first), "last"))));
        assertThat(bodies(second)).containsExactlyElementsOf(sent.subList(5, 7));
        assertThat(second.iqChild().attribute("complete")).isEqualTo("true");
    }
}
