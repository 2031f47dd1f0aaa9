package net.bluemind.xmpp.archive.query;

import java.util.Objects;

/**
 * A storage-neutral archive query.
 *
 * @param owner  whose archive: a user's bare JID, or a room's
 * @param with   only messages from or to this bare JID, or null
 * @param start  only messages archived at or after this epoch ms, or null
 * @param end    only messages archived at or before this epoch ms, or null
 * @param text   full-text words, all of which must appear in the body (plain text, never query syntax), or null
 * @param cursor where the page starts
 * @param max    page size; 0 asks for the count only
 */
public record ArchiveQuery(String owner, String with, Long start, Long end, String text, Cursor cursor, int max) {

    public ArchiveQuery {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(cursor, "cursor");
        if (max < 0) {
            throw new IllegalArgumentException("max < 0");
        }
    }

    /** The same query from {@code epochMillis} on (a narrower range when later than {@link #start()}). */
    public ArchiveQuery from(long epochMillis) {
        return new ArchiveQuery(owner, with, epochMillis, end, text, cursor, max);
    }
}
