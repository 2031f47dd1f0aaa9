package net.bluemind.xmpp.it.archive;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import net.bluemind.xmpp.archive.es.ArchiveIndex;
import net.bluemind.xmpp.archive.es.IndexNames;

/** Creates the archive index directly, as a running bm-xmpp would have. */
record ArchiveIndexFixture(ElasticsearchClient es, IndexNames names) {

    void create() throws IOException {
        new ArchiveIndex(es, names).ensure();
    }
}
