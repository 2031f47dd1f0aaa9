package net.bluemind.xmpp.bench.mam;

import java.util.List;
import net.bluemind.xmpp.archive.mam.MamQueryParser;
import net.bluemind.xmpp.archive.mam.XmlElement;
import net.bluemind.xmpp.archive.query.ArchiveQuery;
import net.bluemind.xmpp.archive.query.Cursor;
import net.bluemind.xmpp.bench.archive.HistoryFill;

/**
 * One MAM query of the benchmark, as a client sends it ({@code mam}) and as the engine hands it to the store
 * ({@code query}), so the same search can be sent through the engine and raw.
 */
record MamScenario(String name, XmlElement mam, ArchiveQuery query) {

    static final int PAGE = 50;

    /** The three queries of the issue (and of {@code bench e2e}): last page, first page with a contact, full text. */
    static List<MamScenario> all(String owner, String contact) {
        return List.of(
                new MamScenario("last page", mam(null, null, true),
                        new ArchiveQuery(owner, null, null, null, null, new Cursor.Last(), PAGE)),
                new MamScenario("first page with a contact", mam("with", contact, false),
                        new ArchiveQuery(owner, contact, null, null, null, new Cursor.First(), PAGE)),
                new MamScenario("full text, last page", mam(MamQueryParser.FULLTEXT_FIELD, HistoryFill.RARE_WORD, true),
                        new ArchiveQuery(owner, null, null, null, HistoryFill.RARE_WORD, new Cursor.Last(), PAGE)));
    }

    private static XmlElement mam(String var, String value, boolean last) {
        XmlElement x = XmlElement.of("x", MamQueryParser.DATA).withAttribute("type", "submit");
        if (var != null) {
            x = x.withChild(XmlElement.of("field", null).withAttribute("var", var)
                    .withChild(XmlElement.of("value", null).withText(value)));
        }
        XmlElement set = XmlElement.of("set", MamQueryParser.RSM)
                .withChild(XmlElement.of("max", null).withText(Integer.toString(PAGE)));
        if (last) {
            set = set.withChild(XmlElement.of("before", null));
        }
        return XmlElement.of("query", MamQueryParser.MAM).withAttribute("queryid", "bench").withChild(x).withChild(set);
    }
}
