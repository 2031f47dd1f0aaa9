package net.bluemind.xmpp.archive.mam;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import net.bluemind.xmpp.archive.query.ArchiveSearch;
import net.bluemind.xmpp.archive.query.ArchiveUnavailableException;

/**
 * The membership rule used while the server core has no MUC to ask: a user may read a room's archive when
 * that archive holds a message they sent to the room. Positive answers are remembered for a minute so paging
 * through a history costs one check.
 */
public final class ParticipantMembership implements RoomMembership {

    private final ArchiveSearch search;
    private final Cache<String, Boolean> members = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();

    public ParticipantMembership(ArchiveSearch search) {
        this.search = search;
    }

    @Override
    public boolean mayRead(String user, String room) throws ArchiveUnavailableException {
        String key = user + ' ' + room;
        if (members.getIfPresent(key) != null) {
            return true;
        }
        boolean member = search.hasSentTo(user, room);
        if (member) {
            members.put(key, true);
        }
        return member;
    }
}
