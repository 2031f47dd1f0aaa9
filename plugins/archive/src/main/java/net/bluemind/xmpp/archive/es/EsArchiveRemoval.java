package net.bluemind.xmpp.archive.es;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Conflicts;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.DeleteByQueryResponse;
import co.elastic.clients.elasticsearch.core.UpdateByQueryResponse;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.util.Map;
import net.bluemind.xmpp.archive.query.ArchiveRemoval;
import net.bluemind.xmpp.archive.query.ArchiveUnavailableException;

/** Erase and retention through {@code _update_by_query} / {@code _delete_by_query} on the read alias. */
public final class EsArchiveRemoval implements ArchiveRemoval {

    /** Removes the owner; a document left without owners is deleted in the same pass. */
    private static final String REMOVE_OWNER = "ctx._source.owners.removeIf(o -> o == params.owner);"
            + " if (ctx._source.owners.isEmpty()) { ctx.op = 'delete' }";

    private final ElasticsearchClient es;
    private final IndexNames names;

    public EsArchiveRemoval(ElasticsearchClient es, IndexNames names) {
        this.es = es;
        this.names = names;
    }

    @Override
    public long eraseOwner(String owner) throws ArchiveUnavailableException {
        try {
            UpdateByQueryResponse r = es.updateByQuery(u -> u.index(names.readAlias())
                    .query(EsQueries.owner(owner))
                    .conflicts(Conflicts.Proceed)
                    .refresh(true)
                    .script(s -> s.source(REMOVE_OWNER).lang("painless").params(Map.of("owner", JsonData.of(owner)))));
            return nz(r.updated()) + nz(r.deleted());
        } catch (IOException | RuntimeException e) {
            throw new ArchiveUnavailableException("archive erase failed: " + e.getMessage(), e);
        }
    }

    @Override
    public long purgeBefore(long epochMillis) throws ArchiveUnavailableException {
        Query older = Query.of(b -> b.range(r -> r.number(n -> n.field("timecreate").lt((double) epochMillis))));
        try {
            DeleteByQueryResponse r = es.deleteByQuery(d -> d.index(names.readAlias()).query(older)
                    .conflicts(Conflicts.Proceed).refresh(true));
            return nz(r.deleted());
        } catch (IOException | RuntimeException e) {
            throw new ArchiveUnavailableException("archive purge failed: " + e.getMessage(), e);
        }
    }

    private static long nz(Long v) {
        return v == null ? 0 : v;
    }
}
