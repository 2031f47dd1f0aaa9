package net.bluemind.xmpp.bench.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.bluemind.xmpp.archive.ArchivedMessage;
import net.bluemind.xmpp.archive.es.EsConnection;
import net.bluemind.xmpp.archive.write.EncodedMessage;
import org.elasticsearch.client.Request;

/** Archive documents written straight to Elasticsearch as NDJSON {@code _bulk} bodies: no queue, no spool. */
public final class RawBulk {

    private RawBulk() {
    }

    /** Sends the documents in bodies of {@code batch} documents, one after the other, to the given index or alias. */
    public static void send(EsConnection es, String target, List<ArchivedMessage> docs, int batch) throws IOException {
        for (int i = 0; i < docs.size(); i += batch) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (ArchivedMessage m : docs.subList(i, Math.min(docs.size(), i + batch))) {
                out.writeBytes(("{\"index\":{\"_id\":\"" + m.id() + "\"}}\n").getBytes(StandardCharsets.UTF_8));
                out.writeBytes(EncodedMessage.of(m).json());
                out.write('\n');
            }
            Request r = new Request("POST", "/" + target + "/_bulk");
            r.setEntity(new org.apache.http.entity.ByteArrayEntity(out.toByteArray(),
                    org.apache.http.entity.ContentType.create("application/x-ndjson")));
            es.rest().performRequest(r);
        }
    }
}
