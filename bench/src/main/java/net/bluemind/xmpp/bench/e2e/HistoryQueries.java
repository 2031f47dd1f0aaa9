package net.bluemind.xmpp.bench.e2e;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.bluemind.xmpp.archive.es.EsConnection;
import net.bluemind.xmpp.archive.es.IndexNames;
import net.bluemind.xmpp.bench.Latencies;
import net.bluemind.xmpp.bench.archive.HistoryFill;

/**
 * Scenario 3: an archive of {@code messages} messages between two users over the past year (written straight to
 * Elasticsearch in the archive's own format, into the index the bundle created), then MAM queries by one of them
 * through Tigase: the last page, the first page with the other user, and a full-text search for a word that one
 * message in a thousand carries.
 */
final class HistoryQueries {

    static final String RARE_WORD = HistoryFill.RARE_WORD;
    private static final Pattern RESULTS = Pattern.compile("<result ");

    record Query(String name, Latencies latencies, int results) {
    }

    private HistoryQueries() {
    }

    /** Writes the archive; returns the seconds it took. */
    static double fill(URI es, String owner, String other, int messages) throws Exception {
        long start = System.nanoTime();
        try (EsConnection conn = new EsConnection(List.of(es), Duration.ofSeconds(2), Duration.ofSeconds(120))) {
            HistoryFill.write(conn, IndexNames.bluemind().writeAlias(), IndexNames.bluemind().readAlias(), owner, other,
                    messages);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static List<Query> run(LoadConnection owner, String other, int rounds) throws Exception {
        String last = "<set xmlns='http://jabber.org/protocol/rsm'><max>50</max><before/></set>";
        List<Query> out = new ArrayList<>();
        out.add(measure(owner, "last page (50)", "", last, rounds));
        out.add(measure(owner, "with a contact, first page (50)", field("with", other),
                "<set xmlns='http://jabber.org/protocol/rsm'><max>50</max></set>", rounds));
        out.add(measure(owner, "full text, last page", field("{urn:xmpp:fulltext:0}fulltext", RARE_WORD), last, rounds));
        return out;
    }

    private static String field(String var, String value) {
        return "<field var='" + var + "'><value>" + value + "</value></field>";
    }

    private static Query measure(LoadConnection c, String name, String fields, String rsm, int rounds) throws Exception {
        Latencies latencies = new Latencies();
        int results = 0;
        for (int i = 0; i < rounds; i++) {
            String id = "mam" + name.hashCode() + "-" + i;
            String form = fields.isEmpty() ? "" : "<x xmlns='jabber:x:data' type='submit'><field var='FORM_TYPE' type='hidden'>"
                    + "<value>urn:xmpp:mam:2</value></field>" + fields + "</x>";
            long t0 = System.nanoTime();
            c.send("<iq type='set' id='" + id + "'><query xmlns='urn:xmpp:mam:2' queryid='" + id + "'>" + form + rsm
                    + "</query></iq>");
            String answer = c.readUntil("</iq>", "MAM answer");
            latencies.add(System.nanoTime() - t0);
            if (!answer.contains("<fin")) {
                throw new IllegalStateException("MAM query '" + name + "' was not answered with a page: "
                        + answer.substring(Math.max(0, answer.length() - 400)));
            }
            Matcher m = RESULTS.matcher(answer);
            results = 0;
            while (m.find()) {
                results++;
            }
        }
        return new Query(name, latencies, results);
    }
}
