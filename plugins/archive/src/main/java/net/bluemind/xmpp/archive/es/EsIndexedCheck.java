package net.bluemind.xmpp.archive.es;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.bluemind.xmpp.archive.query.ArchiveUnavailableException;
import net.bluemind.xmpp.archive.query.ReadYourWritesSearch;

/**
 * Whether documents are indexed, by a real-time multi-get on the write alias (it sees a document as soon as its
 * bulk request is acknowledged, before any refresh), and the refresh that makes them searchable.
 */
public final class EsIndexedCheck implements ReadYourWritesSearch.Store {

    private final ElasticsearchClient es;
    private final IndexNames names;

    public EsIndexedCheck(ElasticsearchClient es, IndexNames names) {
        this.es = es;
        this.names = names;
    }

    @Override
    public Set<String> indexed(Collection<String> ids) throws ArchiveUnavailableException {
        try {
            MgetResponse<Void> r = es.mget(m -> m.index(names.writeAlias()).ids(List.copyOf(ids))
                    .source(s -> s.fetch(false)).realtime(true), Void.class);
            Set<String> found = new HashSet<>();
            for (MultiGetResponseItem<Void> doc : r.docs()) {
                if (doc.isResult() && doc.result().found()) {
                    found.add(doc.result().id());
                }
            }
            return found;
        } catch (IOException | RuntimeException e) {
            throw new ArchiveUnavailableException("archive check failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void refresh() throws ArchiveUnavailableException {
        try {
            es.indices().refresh(r -> r.index(names.writeAlias()));
        } catch (IOException | RuntimeException e) {
            throw new ArchiveUnavailableException("archive refresh failed: " + e.getMessage(), e);
        }
    }
}
