package net.bluemind.xmpp.bench.mam;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import net.bluemind.xmpp.archive.es.EsConnection;
import net.bluemind.xmpp.archive.es.EsPageRequest;
import net.bluemind.xmpp.archive.query.ArchiveQuery;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;

/**
 * A search body sent straight to Elasticsearch's {@code _search} (the low-level client, the answer read as bytes):
 * the least any client pays for the same query. Also the bodies compared with it: the engine's page, the old page
 * shape (exact total), and BlueMind's own conversation query (contract section 3).
 */
record RawSearch(String target, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The body the engine sends for this query (search_after excepted: the scenarios have no cursor). */
    static String engineBody(ArchiveQuery q) {
        SearchRequest r = EsPageRequest.of("unused", q, null);
        StringBuilder sb = new StringBuilder();
        JsonpUtils.toString(r, new JacksonJsonpMapper(), sb);
        return sb.toString();
    }

    /** The page as the archive asked it before: the same, with the exact total ({@code track_total_hits: true}). */
    static String oldBody(ArchiveQuery q) throws IOException {
        ObjectNode n = (ObjectNode) JSON.readTree(engineBody(q));
        n.put("track_total_hits", true);
        return JSON.writeValueAsString(n);
    }

    /** BlueMind's reader: the conversation of two users, newest first, a page of 50, Elasticsearch's default total. */
    static String blueMindConversation(String a, String b) {
        return "{\"size\":50,\"sort\":[{\"timecreate\":{\"order\":\"desc\"}}],\"query\":{\"bool\":{\"should\":["
                + "{\"bool\":{\"filter\":[{\"term\":{\"from\":\"" + a + "\"}},{\"term\":{\"to\":\"" + b + "\"}}]}},"
                + "{\"bool\":{\"filter\":[{\"term\":{\"from\":\"" + b + "\"}},{\"term\":{\"to\":\"" + a + "\"}}]}}],"
                + "\"minimum_should_match\":1}}}";
    }

    /** Sends the search and reads the whole answer; returns its length in bytes. */
    int send(EsConnection es) throws IOException {
        Request r = new Request("POST", "/" + target + "/_search");
        r.setJsonEntity(body);
        Response resp = es.rest().performRequest(r);
        return EntityUtils.toByteArray(resp.getEntity()).length;
    }
}
