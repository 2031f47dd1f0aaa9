package net.bluemind.xmpp.archive.es;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.bluemind.xmpp.archive.write.BulkOutcome;
import net.bluemind.xmpp.archive.write.BulkSink;
import net.bluemind.xmpp.archive.write.EncodedMessage;
import net.bluemind.xmpp.archive.write.SinkUnavailableException;

/**
 * {@code _bulk} index operations through the write alias, the message id as {@code _id} (a replay overwrites,
 * never duplicates), no refresh, {@code require_alias} so a vanished alias never auto-creates a stray index.
 * Per-document errors: 429, 5xx and a missing alias are retried; other refusals (mapping errors) are final.
 */
public final class EsBulkSink implements BulkSink {

    private final ElasticsearchClient es;
    private final IndexNames names;

    public EsBulkSink(ElasticsearchClient es, IndexNames names) {
        this.es = es;
        this.names = names;
    }

    @Override
    public BulkOutcome write(List<EncodedMessage> batch) throws SinkUnavailableException {
        BulkRequest.Builder b = new BulkRequest.Builder().index(names.writeAlias()).requireAlias(true);
        for (EncodedMessage m : batch) {
            b.operations(op -> op.index(i -> i.id(m.id()).document(BinaryData.of(m.json(), ContentType.APPLICATION_JSON))));
        }
        BulkResponse response;
        try {
            response = es.bulk(b.build());
        } catch (ElasticsearchException e) {
            throw new SinkUnavailableException("Elasticsearch refused the bulk request (" + e.status() + "): "
                    + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new SinkUnavailableException("Elasticsearch unreachable: " + e, e);
        }
        if (!response.errors()) {
            return BulkOutcome.allStored();
        }
        List<EncodedMessage> retry = new ArrayList<>();
        List<BulkOutcome.Rejected> rejected = new ArrayList<>();
        List<BulkResponseItem> items = response.items();
        for (int i = 0; i < items.size(); i++) {
            BulkResponseItem item = items.get(i);
            if (item.error() == null) {
                continue;
            }
            int status = item.status();
            if (status == 429 || status >= 500 || status == 404) {
                retry.add(batch.get(i));
            } else {
                rejected.add(new BulkOutcome.Rejected(batch.get(i),
                        status + " " + item.error().type() + ": " + item.error().reason()));
            }
        }
        return new BulkOutcome(retry, rejected);
    }
}
