package net.bluemind.xmpp.archive.es;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch.indices.get_mapping.IndexMappingRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Creates the archive index with its mapping ({@code im-mapping.json}) and both aliases when missing, and
 * checks an existing one: a field of the wrong type stops the start with an error naming index, field and
 * types; a missing field is added (adding fields is compatible with what BlueMind reads).
 */
public final class ArchiveIndex {

    private static final Logger LOG = Logger.getLogger(ArchiveIndex.class.getName());
    private static final String MAPPING = "im-mapping.json";

    private final ElasticsearchClient es;
    private final IndexNames names;

    public ArchiveIndex(ElasticsearchClient es, IndexNames names) {
        this.es = es;
        this.names = names;
    }

    /** The mapping resource as JSON bytes. */
    public static byte[] mappingJson() {
        try (InputStream in = ArchiveIndex.class.getResourceAsStream(MAPPING)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + MAPPING);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Field name → type, as the mapping resource declares them. */
    public static Map<String, String> expectedTypes() {
        try {
            JsonNode props = new ObjectMapper().readTree(mappingJson()).get("properties");
            Map<String, String> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = props.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), e.getValue().get("type").asText());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes sure the index and aliases exist with a usable mapping; throws when they cannot be used. */
    public void ensure() throws IOException {
        boolean readAlias = es.indices().existsAlias(a -> a.name(names.readAlias())).value();
        boolean writeAlias = es.indices().existsAlias(a -> a.name(names.writeAlias())).value();
        if (!readAlias && !writeAlias && !es.indices().exists(e -> e.index(names.index())).value()) {
            es.indices().create(c -> c.index(names.index())
                    .mappings(m -> m.withJson(new ByteArrayInputStream(mappingJson())))
                    .aliases(names.writeAlias(), a -> a.isWriteIndex(true))
                    .aliases(names.readAlias(), a -> a));
            LOG.info(() -> "created archive index " + names.index() + " with aliases " + names.writeAlias() + ", "
                    + names.readAlias());
            return;
        }
        String target = readAlias ? names.readAlias() : writeAlias ? names.writeAlias() : names.index();
        Map<String, IndexMappingRecord> mappings = es.indices().getMapping(g -> g.index(target)).result();
        for (Map.Entry<String, IndexMappingRecord> e : mappings.entrySet()) {
            check(e.getKey(), e.getValue().mappings().properties());
        }
        if (!readAlias || !writeAlias) {
            // the index is there (e.g. created by hand or by BlueMind) without our aliases: add the missing ones
            String index = mappings.keySet().iterator().next();
            es.indices().updateAliases(u -> {
                if (!writeAlias) {
                    u.actions(a -> a.add(x -> x.index(index).alias(names.writeAlias()).isWriteIndex(true)));
                }
                if (!readAlias) {
                    u.actions(a -> a.add(x -> x.index(index).alias(names.readAlias())));
                }
                return u;
            });
            LOG.info(() -> "added the missing archive aliases to " + index);
        }
    }

    private void check(String index, Map<String, Property> actual) throws IOException {
        List<String> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> f : expectedTypes().entrySet()) {
            Property p = actual.get(f.getKey());
            if (p == null) {
                missing.add(f.getKey());
            } else if (!p._kind().jsonValue().equals(f.getValue())) {
                problems.add("'" + f.getKey() + "' is mapped as " + p._kind().jsonValue() + ", expected " + f.getValue());
            }
        }
        if (!problems.isEmpty()) {
            throw new IncompatibleMappingException("the archive index " + index + " has an incompatible mapping: "
                    + String.join("; ", problems) + ". Fix or reindex it (mapping bm-xmpp needs: "
                    + expectedTypes() + ")");
        }
        if (!missing.isEmpty()) {
            es.indices().putMapping(p -> p.index(index).withJson(new ByteArrayInputStream(mappingJson())));
            LOG.info(() -> "added fields " + missing + " to the mapping of archive index " + index);
        }
    }
}
