package net.bluemind.xmpp.archive.mam;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Logger;
import net.bluemind.xmpp.archive.ArchivedMessage;
import net.bluemind.xmpp.archive.Jid;
import net.bluemind.xmpp.archive.mam.MamError.Condition;
import net.bluemind.xmpp.archive.query.ArchivePage;
import net.bluemind.xmpp.archive.query.ArchiveQuery;
import net.bluemind.xmpp.archive.query.ArchiveSearch;
import net.bluemind.xmpp.archive.query.ArchiveUnavailableException;
import net.bluemind.xmpp.archive.query.UnknownCursorException;

/**
 * Answers MAM queries. Who may read what: a user reads their own archive (iq to their bare JID or no
 * {@code to}); another user's archive on this server is {@code forbidden}; any other JID is taken as a room,
 * readable per {@link RoomMembership}.
 */
public final class MamService {

    private static final Logger LOG = Logger.getLogger(MamService.class.getName());
    static final int DEFAULT_PAGE = 50;

    private final ArchiveSearch search;
    private final RoomMembership rooms;
    private final Predicate<String> localDomain;
    private final int maxPage;

    public MamService(ArchiveSearch search, RoomMembership rooms, Predicate<String> localDomain, int maxPage) {
        this.search = search;
        this.rooms = rooms;
        this.localDomain = localDomain;
        this.maxPage = maxPage;
    }

    /**
     * @param requester the full JID of the asking session
     * @param iqTo      the iq's {@code to}, or null
     * @param set       true for iq type set (a query), false for get (the form)
     */
    public MamAnswer handle(String requester, String iqTo, boolean set, XmlElement query) throws MamError {
        if (!set) {
            return new MamAnswer(List.of(), MamRenderer.form());
        }
        MamRequest request = MamQueryParser.parse(query);
        String user = Jid.bare(requester);
        String archive = iqTo == null ? user : Jid.bare(iqTo);
        authorize(user, archive);
        int max = Math.min(request.max() == null ? Math.min(DEFAULT_PAGE, maxPage) : request.max(), maxPage);
        ArchiveQuery q = new ArchiveQuery(archive, request.with(), request.start(), request.end(), request.text(),
                request.cursor(), max);
        ArchivePage page;
        try {
            page = search.find(q);
        } catch (UnknownCursorException e) {
            throw new MamError(Condition.ITEM_NOT_FOUND, e.getMessage());
        } catch (ArchiveUnavailableException e) {
            LOG.warning(() -> "MAM query of " + user + " failed: " + e.getMessage());
            throw new MamError(Condition.INTERNAL_SERVER_ERROR, "the archive is unavailable, try again later");
        }
        List<XmlElement> messages = new ArrayList<>(page.messages().size());
        for (ArchivedMessage m : page.messages()) {
            messages.add(MamRenderer.result(m, archive, requester, request.queryId()));
        }
        return new MamAnswer(messages, MamRenderer.fin(page, request.queryId()));
    }

    private void authorize(String user, String archive) throws MamError {
        if (archive.equals(user)) {
            return;
        }
        if (Jid.hasLocalPart(archive) && localDomain.test(Jid.domain(archive))) {
            throw new MamError(Condition.FORBIDDEN, "you may only query your own archive");
        }
        boolean member;
        try {
            member = rooms.mayRead(user, archive);
        } catch (ArchiveUnavailableException e) {
            throw new MamError(Condition.INTERNAL_SERVER_ERROR, "the archive is unavailable, try again later");
        }
        if (!member) {
            throw new MamError(Condition.FORBIDDEN, "only members of " + archive + " may read its archive");
        }
    }
}
