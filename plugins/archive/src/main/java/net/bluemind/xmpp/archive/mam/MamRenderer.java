package net.bluemind.xmpp.archive.mam;

import java.time.Instant;
import java.util.List;
import net.bluemind.xmpp.archive.ArchivedMessage;
import net.bluemind.xmpp.archive.query.ArchivePage;

/** Renders MAM results, the {@code <fin/>} and the query form as neutral XML. */
public final class MamRenderer {

    public static final String FORWARD = "urn:xmpp:forward:0";
    public static final String DELAY = "urn:xmpp:delay";
    public static final String MUC_USER = "http://jabber.org/protocol/muc#user";

    private MamRenderer() {
    }

    /**
     * One {@code <message><result><forwarded>...} for the requester. In a room archive the original sender is
     * shown as {@code room/<sender's local part>} with their real JID in a MUC {@code <x><item jid/>}.
     */
    public static XmlElement result(ArchivedMessage m, String archive, String requester, String queryId) {
        XmlElement original = XmlElement.of("message", "jabber:client")
                .withAttribute("from", m.type().equals("groupchat") ? m.to() + "/" + m.shownNick() : m.fullFrom())
                .withAttribute("to", m.type().equals("groupchat") ? m.to() : m.fullTo())
                .withAttribute("type", m.type())
                .withAttribute("id", m.originid())
                .withChild(XmlElement.of("body", null).withText(m.message()));
        if (m.thread() != null) {
            original = original.withChild(XmlElement.of("thread", null).withText(m.thread()));
        }
        if (m.type().equals("groupchat")) {
            original = original.withChild(XmlElement.of("x", MUC_USER)
                    .withChild(XmlElement.of("item", null).withAttribute("jid", m.from())));
        }
        XmlElement forwarded = XmlElement.of("forwarded", FORWARD)
                .withChild(XmlElement.of("delay", DELAY).withAttribute("stamp", Instant.ofEpochMilli(m.timecreate()).toString()))
                .withChild(original);
        XmlElement result = XmlElement.of("result", MamQueryParser.MAM).withAttribute("queryid", queryId)
                .withAttribute("id", m.id()).withChild(forwarded);
        return XmlElement.of("message", null).withAttribute("from", archive).withAttribute("to", requester)
                .withAttribute("id", "mam-" + m.id()).withChild(result);
    }

    /**
     * {@code <fin xmlns='urn:xmpp:mam:2' complete><set><first/><last/><count/></set></fin>}; {@code <count/>} only
     * when the store counted exactly (XEP-0059 makes it optional; large archives are not counted for each page).
     */
    public static XmlElement fin(ArchivePage page, String queryId) {
        XmlElement set = XmlElement.of("set", MamQueryParser.RSM);
        List<ArchivedMessage> ms = page.messages();
        if (!ms.isEmpty()) {
            set = set.withChild(XmlElement.of("first", null).withText(ms.get(0).id()))
                    .withChild(XmlElement.of("last", null).withText(ms.get(ms.size() - 1).id()));
        }
        if (page.count().isPresent()) {
            set = set.withChild(XmlElement.of("count", null).withText(Long.toString(page.count().getAsLong())));
        }
        XmlElement fin = XmlElement.of("fin", MamQueryParser.MAM).withAttribute("queryid", queryId).withChild(set);
        return page.complete() ? fin.withAttribute("complete", "true") : fin;
    }

    /** The answer to an iq-get query: the fields this server supports. */
    public static XmlElement form() {
        XmlElement x = XmlElement.of("x", MamQueryParser.DATA).withAttribute("type", "form")
                .withChild(field("FORM_TYPE", "hidden").withChild(XmlElement.of("value", null).withText(MamQueryParser.MAM)))
                .withChild(field("with", "jid-single"))
                .withChild(field("start", "text-single"))
                .withChild(field("end", "text-single"))
                .withChild(field(MamQueryParser.FULLTEXT_FIELD, "text-single"))
                .withChild(field("withtext", "text-single"))
                .withChild(field("search", "text-single"));
        return XmlElement.of("query", MamQueryParser.MAM).withChild(x);
    }

    private static XmlElement field(String var, String type) {
        return XmlElement.of("field", null).withAttribute("var", var).withAttribute("type", type);
    }
}
