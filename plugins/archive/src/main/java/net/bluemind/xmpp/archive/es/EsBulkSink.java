package net.bluemind.xmpp.archive.es;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.bluemind.xmpp.archive.write.BulkOutcome;
import net.bluemind.xmpp.archive.write.BulkSink;
import net.bluemind.xmpp.archive.write.EncodedMessage;
import net.bluemind.xmpp.archive.write.SinkUnavailableException;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/**
 * {@code _bulk} index operations through the write alias, the message id as {@code _id} (a replay overwrites,
 * never duplicates), no refresh, {@code require_alias} so a vanished alias never auto-creates a stray index.
 * Sent through the client's low-level REST client with the documents' bytes exactly as encoded once for the
 * spool, and a {@code filter_path} so Elasticsearch answers only statuses and errors.
 * Per-document errors: 429, 5xx and a missing alias are retried; other refusals (mapping errors) are final.
 */
public final class EsBulkSink implements BulkSink {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ContentType NDJSON = ContentType.create("application/x-ndjson", StandardCharsets.UTF_8);
    private static final byte[] ACTION_START = "{\"index\":{\"_id\":\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ACTION_END = "\"}}\n".getBytes(StandardCharsets.UTF_8);

    private final RestClient rest;
    private final IndexNames names;

    public EsBulkSink(RestClient rest, IndexNames names) {
        this.rest = rest;
        this.names = names;
    }

    @Override
    public BulkOutcome write(List<EncodedMessage> batch) throws SinkUnavailableException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(batch.size() * 320);
        for (EncodedMessage m : batch) {
            body.writeBytes(ACTION_START);
            body.writeBytes(m.id().getBytes(StandardCharsets.UTF_8)); // archive ids are hex: nothing to escape
            body.writeBytes(ACTION_END);
            body.writeBytes(m.json());
            body.write('\n');
        }
        Request request = new Request("POST", "/" + names.writeAlias() + "/_bulk");
        request.addParameter("require_alias", "true");
        request.addParameter("filter_path", "errors,items.*.status,items.*.error.type,items.*.error.reason");
        request.setEntity(new ByteArrayEntity(body.toByteArray(), NDJSON));
        JsonNode response;
        try {
            Response r = rest.performRequest(request);
            try (InputStream in = r.getEntity().getContent()) {
                response = JSON.readTree(in);
            }
        } catch (ResponseException e) {
            throw new SinkUnavailableException("Elasticsearch refused the bulk request ("
                    + e.getResponse().getStatusLine().getStatusCode() + ")", e);
        } catch (IOException | RuntimeException e) {
            throw new SinkUnavailableException("Elasticsearch unreachable: " + e, e);
        }
        if (!response.path("errors").asBoolean(false)) {
            return BulkOutcome.allStored();
        }
        JsonNode items = response.path("items");
        if (items.size() != batch.size()) {
            throw new SinkUnavailableException("bulk answer has " + items.size() + " items for " + batch.size() + " documents",
                    null);
        }
        List<EncodedMessage> retry = new ArrayList<>();
        List<BulkOutcome.Rejected> rejected = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i).path("index");
            JsonNode error = item.path("error");
            if (error.isMissingNode()) {
                continue;
            }
            int status = item.path("status").asInt();
            if (status == 429 || status >= 500 || status == 404) {
                retry.add(batch.get(i));
            } else {
                rejected.add(new BulkOutcome.Rejected(batch.get(i),
                        status + " " + error.path("type").asText() + ": " + error.path("reason").asText()));
            }
        }
        return new BulkOutcome(retry, rejected);
    }
}
