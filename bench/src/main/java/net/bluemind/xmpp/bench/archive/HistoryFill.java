package net.bluemind.xmpp.bench.archive;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.bluemind.xmpp.archive.ArchiveId;
import net.bluemind.xmpp.archive.ArchivedMessage;
import net.bluemind.xmpp.archive.es.EsConnection;
import org.elasticsearch.client.Request;

/**
 * A conversation of {@code messages} messages between two users over the past year, written straight to Elasticsearch
 * in the archive's own format: 16 common words in pairs, and {@link #RARE_WORD} in one message of a thousand.
 */
public final class HistoryFill {

    public static final String RARE_WORD = "zephyrine";
    private static final String[] WORDS = {"meeting", "budget", "report", "lunch", "deadline", "client", "review",
            "draft", "invoice", "holiday", "planning", "release", "call", "slides", "contract", "weekly"};
    private static final int BATCH = 5000;

    private HistoryFill() {
    }

    /** Writes the conversation to {@code writeTarget} (index or alias), then refreshes {@code readTarget}. */
    public static void write(EsConnection conn, String writeTarget, String readTarget, String owner, String other,
            int messages) throws Exception {
        ArchiveId ids = new ArchiveId();
        long now = System.currentTimeMillis();
        long step = Duration.ofDays(365).toMillis() / messages;
        for (int i = 0; i < messages; i += BATCH) {
            List<ArchivedMessage> docs = new ArrayList<>(BATCH);
            for (int j = i; j < Math.min(messages, i + BATCH); j++) {
                long t = now - (long) (messages - j) * step;
                boolean mine = j % 2 == 0;
                String from = mine ? owner : other;
                String to = mine ? other : owner;
                docs.add(new ArchivedMessage(ids.next(t), t, from, to, body(j), List.of(owner, other), "chat", null, "h" + j));
            }
            RawBulk.send(conn, writeTarget, docs, BATCH);
        }
        conn.rest().performRequest(new Request("POST", "/" + readTarget + "/_refresh"));
    }

    private static String body(int j) {
        String w = WORDS[j % WORDS.length] + " " + WORDS[(j / WORDS.length) % WORDS.length];
        return String.format(Locale.ROOT, "%s number %d%s", w, j, j % 1000 == 7 ? " " + RARE_WORD : "");
    }
}
