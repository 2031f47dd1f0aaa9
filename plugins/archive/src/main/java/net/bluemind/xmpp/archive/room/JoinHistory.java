package net.bluemind.xmpp.archive.room;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import net.bluemind.xmpp.archive.ArchivedMessage;
import net.bluemind.xmpp.archive.mam.MamRenderer;
import net.bluemind.xmpp.archive.mam.XmlElement;
import net.bluemind.xmpp.archive.query.ArchiveQuery;
import net.bluemind.xmpp.archive.query.ArchiveSearch;
import net.bluemind.xmpp.archive.query.ArchiveUnavailableException;
import net.bluemind.xmpp.archive.query.Cursor;
import net.bluemind.xmpp.archive.query.UnknownCursorException;

/**
 * The history a room sends to an occupant who joins (XEP-0045 section 7.2.15), read from the room's archive: the
 * newest messages the request and the room allow, oldest first, each as the room delivered it
 * ({@code room/<nick>}, as MAM at the room shows it) with its archive time in a XEP-0203
 * {@code <delay/>} and its archive id in a XEP-0359 {@code <stanza-id/>}, so a client can go on from there by MAM.
 */
public final class JoinHistory {

    public static final String SID = "urn:xmpp:sid:0";

    private final ArchiveSearch search;
    private final LongSupplier clock;

    public JoinHistory(ArchiveSearch search, LongSupplier clock) {
        this.search = search;
        this.clock = clock;
    }

    public List<XmlElement> messages(String room, String occupant, HistoryRequest request)
            throws ArchiveUnavailableException {
        int max = request.max();
        if (max == 0) {
            return List.of();
        }
        List<ArchivedMessage> page;
        try {
            page = search.find(new ArchiveQuery(room, null, request.start(clock.getAsLong()), null, null, new Cursor.Last(), max))
                    .messages();
        } catch (UnknownCursorException e) {
            throw new IllegalStateException("no cursor was given", e);
        }
        List<XmlElement> out = new ArrayList<>(page.size());
        for (ArchivedMessage m : page) {
            out.add(render(m, room, occupant));
        }
        return out;
    }

    private static XmlElement render(ArchivedMessage m, String room, String occupant) {
        return XmlElement.of("message", "jabber:client")
                .withAttribute("from", room + "/" + m.shownNick())
                .withAttribute("to", occupant)
                .withAttribute("type", "groupchat")
                .withAttribute("id", m.originid())
                .withChild(XmlElement.of("body", null).withText(m.message()))
                .withChild(XmlElement.of("delay", MamRenderer.DELAY).withAttribute("from", room)
                        .withAttribute("stamp", Instant.ofEpochMilli(m.timecreate()).toString()))
                .withChild(XmlElement.of("stanza-id", SID).withAttribute("by", room).withAttribute("id", m.id()));
    }
}
