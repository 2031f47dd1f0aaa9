package net.bluemind.xmpp.archive.es;

import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.ArrayList;
import java.util.List;
import net.bluemind.xmpp.archive.query.ArchiveQuery;

/**
 * Turns a neutral {@link ArchiveQuery} into an Elasticsearch query, one small filter function per criterion.
 * User text only ever goes into a {@code match} query (analysed as plain words, all required): it is never
 * parsed as query syntax.
 */
final class EsQueries {

    /** Longest full-text input used; the rest is ignored (a body is rarely longer, and ES limits clauses). */
    static final int MAX_TEXT = 1024;

    private EsQueries() {
    }

    static Query of(ArchiveQuery q) {
        List<Query> filters = new ArrayList<>();
        filters.add(owner(q.owner()));
        if (q.with() != null) {
            filters.add(with(q.with()));
        }
        if (q.start() != null || q.end() != null) {
            filters.add(range(q.start(), q.end()));
        }
        List<Query> must = new ArrayList<>();
        if (q.text() != null && !q.text().isBlank()) {
            must.add(text(q.text()));
        }
        return Query.of(b -> b.bool(x -> x.filter(filters).must(must)));
    }

    static Query owner(String owner) {
        return Query.of(b -> b.term(t -> t.field("owners").value(owner)));
    }

    static Query with(String jid) {
        return Query.of(b -> b.bool(x -> x
                .should(s -> s.term(t -> t.field("from").value(jid)))
                .should(s -> s.term(t -> t.field("to").value(jid)))
                .minimumShouldMatch("1")));
    }

    static Query range(Long start, Long end) {
        return Query.of(b -> b.range(r -> r.number(n -> {
            n.field("timecreate");
            if (start != null) {
                n.gte(start.doubleValue());
            }
            if (end != null) {
                n.lte(end.doubleValue());
            }
            return n;
        })));
    }

    static Query text(String text) {
        String words = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        return Query.of(b -> b.match(m -> m.field("message").query(words).operator(Operator.And)));
    }

    static Query id(String id) {
        return Query.of(b -> b.term(t -> t.field("id").value(id)));
    }

    static Query sentTo(String user, String room) {
        return Query.of(b -> b.bool(x -> x
                .filter(owner(room))
                .filter(f -> f.term(t -> t.field("from").value(user)))
                .filter(f -> f.term(t -> t.field("type").value("groupchat")))));
    }
}
