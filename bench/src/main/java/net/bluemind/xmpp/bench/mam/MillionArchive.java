package net.bluemind.xmpp.bench.mam;

import java.util.logging.Logger;
import net.bluemind.xmpp.archive.es.ArchiveIndex;
import net.bluemind.xmpp.archive.es.EsConnection;
import net.bluemind.xmpp.archive.es.IndexNames;
import net.bluemind.xmpp.bench.archive.HistoryFill;
import org.elasticsearch.client.Request;

/**
 * The archive the MAM benchmark reads: {@code messages} messages between {@link #OWNER} and {@link #OTHER}, in an
 * index of its own created by the archive itself ({@link ArchiveIndex}: mapping and both aliases). Loaded once and
 * kept: a later run finding it complete reuses it (loading a million messages takes minutes on two cores); a partial
 * one (an interrupted load) is dropped and loaded again.
 */
final class MillionArchive {

    static final String OWNER = "owner@bench.test";
    static final String OTHER = "other@bench.test";
    private static final Logger LOG = Logger.getLogger(MillionArchive.class.getName());

    /**
     * @param loadSeconds how long loading took, or -1 when a complete archive was reused
     * @param newest      the newest message's time: "now" for the queries, as right after the archive was written
     */
    record Loaded(IndexNames names, long messages, double loadSeconds, long newest) {
    }

    private MillionArchive() {
    }

    static Loaded ensure(EsConnection es, int messages) throws Exception {
        IndexNames names = IndexNames.prefixed("bench-mam-" + messages + "-");
        long present = count(es, names);
        if (present == messages) {
            LOG.info(() -> "reusing the MAM benchmark archive " + names.index() + " (" + messages + " messages)");
            return new Loaded(names, messages, -1, newest(es, names));
        }
        if (present >= 0) {
            es.client().indices().delete(d -> d.index(names.index()));
        }
        long start = System.nanoTime();
        new ArchiveIndex(es.client(), names).ensure();
        settings(es, names.index(), "{\"index\":{\"refresh_interval\":\"-1\"}}"); // loading only
        HistoryFill.write(es, names.writeAlias(), names.readAlias(), OWNER, OTHER, messages);
        settings(es, names.index(), "{\"index\":{\"refresh_interval\":null}}");
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Loaded(names, count(es, names), seconds, newest(es, names));
    }

    /** Documents in the index, or -1 when there is no such index. */
    private static long count(EsConnection es, IndexNames names) throws Exception {
        if (!es.client().indices().exists(e -> e.index(names.index())).value()) {
            return -1;
        }
        es.client().indices().refresh(r -> r.index(names.index()));
        return es.client().count(c -> c.index(names.index())).count();
    }

    private static long newest(EsConnection es, IndexNames names) throws Exception {
        Request r = new Request("POST", "/" + names.index() + "/_search");
        r.setJsonEntity("{\"size\":0,\"aggs\":{\"newest\":{\"max\":{\"field\":\"timecreate\"}}}}");
        String body = org.apache.http.util.EntityUtils.toString(es.rest().performRequest(r).getEntity());
        return (long) new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).at("/aggregations/newest/value").asDouble();
    }

    private static void settings(EsConnection es, String index, String json) throws Exception {
        Request r = new Request("PUT", "/" + index + "/_settings");
        r.setJsonEntity(json);
        es.rest().performRequest(r);
    }
}
