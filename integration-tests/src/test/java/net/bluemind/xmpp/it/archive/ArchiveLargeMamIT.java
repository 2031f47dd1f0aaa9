package net.bluemind.xmpp.it.archive;

import static net.bluemind.xmpp.it.archive.ArchiveMamIT.bodies;
import static net.bluemind.xmpp.it.archive.ArchiveMamIT.el;
import static net.bluemind.xmpp.it.archive.ArchiveMamIT.field;
import static net.bluemind.xmpp.it.archive.ArchiveMamIT.query;
import static net.bluemind.xmpp.it.archive.ArchiveMamIT.set;
import static net.bluemind.xmpp.it.archive.ArchiveMamIT.text;
import static net.bluemind.xmpp.it.archive.ArchiveTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.bluemind.xmpp.archive.ArchiveEngine;
import net.bluemind.xmpp.archive.capture.Direction;
import net.bluemind.xmpp.archive.capture.Stanza;
import net.bluemind.xmpp.archive.es.EsConnection;
import net.bluemind.xmpp.archive.es.IndexNames;
import net.bluemind.xmpp.archive.mam.MamAnswer;
import net.bluemind.xmpp.archive.mam.XmlElement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A conversation larger than what a page counts (1,500 messages over the last 40 days, three at each archive time so
 * that page boundaries fall between messages of the same time): no {@code <count/>} on pages, the exact count when
 * only the count is asked, and paging both ways still sees every message exactly once, in order, also while new ones
 * arrive; newest-first pages are answered from a day's window, a month's, or the whole range as paging goes back.
 */
class ArchiveLargeMamIT {

    /** Three messages a step over the last 40 days: the newest-first windows (a day, a month) fill or not as paging goes. */
    static final long STEP = Duration.ofDays(40).toMillis() / 500;
    static final long T0 = System.currentTimeMillis() - Duration.ofDays(40).toMillis();
    static final String ALICE = "alice@acme.test";
    static final String BOB = "bob@acme.test";
    static final int MESSAGES = 1500;

    static EsConnection es;
    static IndexNames names;
    static ArchiveEngine engine;
    static final AtomicLong calls = new AtomicLong();
    static final List<String> conversation = new ArrayList<>();

    @BeforeAll
    static void archiveALongConversation() throws Exception {
        URI url = ArchiveTestSupport.es();
        es = ArchiveTestSupport.client(url);
        names = ArchiveTestSupport.freshNames();
        engine = ArchiveTestSupport.engine(ArchiveTestSupport.config(url, names, Files.createTempDirectory("mam-large"), 500),
                () -> T0 + calls.getAndIncrement() / 3 * STEP);
        for (int i = 0; i < MESSAGES; i++) {
            capture("m" + i);
        }
        await(Duration.ofSeconds(60), MESSAGES + " stored", () -> engine.stats().stored() == MESSAGES);
        ArchiveTestSupport.refresh(es.client(), names);
    }

    static void capture(String body) {
        boolean fromAlice = conversation.size() % 2 == 0;
        engine.capture(new Stanza("chat", fromAlice ? ALICE + "/phone" : BOB + "/pc", fromAlice ? BOB : ALICE,
                "id-" + conversation.size(), body, null, false, false), Direction.OUTGOING);
        conversation.add(body);
    }

    @AfterAll
    static void cleanUp() {
        engine.close();
        ArchiveTestSupport.drop(es.client(), names);
        es.close();
    }

    static MamAnswer page(XmlElement... rsm) throws Exception {
        return engine.mam().handle(BOB + "/pc", null, true, query(List.of(field("with", ALICE)), rsm));
    }

    @Test
    void aPageOfALargeArchiveHasNoCountButItsBounds() throws Exception {
        MamAnswer first = page(el("max", "100"));
        assertThat(bodies(first)).containsExactlyElementsOf(conversation.subList(0, 100));
        assertThat(text(set(first), "count")).isNull();
        assertThat(text(set(first), "first")).isNotNull();
        assertThat(text(set(first), "last")).isNotNull();
        assertThat(first.iqChild().attribute("complete")).isNull();
    }

    @Test
    void countOnlyIsExact() throws Exception {
        MamAnswer a = page(el("max", "0"));
        assertThat(a.messages()).isEmpty();
        assertThat(Long.parseLong(text(set(a), "count"))).isGreaterThanOrEqualTo(MESSAGES);
    }

    @Test
    void backwardsFromTheLastPageSeesEveryMessageOnceInOrder() throws Exception {
        List<String> expected = List.copyOf(conversation);
        MamAnswer a = page(el("max", "97"), el("before", null));
        assertThat(bodies(a)).containsExactlyElementsOf(expected.subList(expected.size() - 97, expected.size()));
        assertThat(text(set(a), "count")).isNull();
        List<String> seen = new ArrayList<>(bodies(a));
        int pages = 1;
        while (!"true".equals(a.iqChild().attribute("complete"))) {
            a = page(el("max", "97"), el("before", text(set(a), "first")));
            seen.addAll(0, bodies(a));
            assertThat(++pages).isLessThan(100);
        }
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void forwardsSeesEveryMessageOnceInOrderWhileNewOnesArrive() throws Exception {
        List<String> seen = new ArrayList<>();
        MamAnswer a = page(el("max", "97"));
        seen.addAll(bodies(a));
        int pages = 1;
        while (!"true".equals(a.iqChild().attribute("complete"))) {
            if (pages == 5) {
                for (int i = 0; i < 3; i++) {
                    capture("late" + i); // newer than everything: must show up at the end, once
                }
            }
            a = page(el("max", "97"), el("after", text(set(a), "last")));
            seen.addAll(bodies(a));
            assertThat(++pages).isLessThan(100);
        }
        assertThat(seen).containsExactlyElementsOf(conversation);
        assertThat(seen).contains("late0", "late1", "late2");
    }
}
