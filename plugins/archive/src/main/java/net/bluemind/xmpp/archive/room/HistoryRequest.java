package net.bluemind.xmpp.archive.room;

/**
 * What a joining occupant asked for in {@code <history/>} (XEP-0045 section 7.2.15), each null when not given,
 * bounded by the room's own limit ({@code muc#maxhistoryfetch}).
 *
 * @param maxChars   total characters of the history stanzas; 0 asks for no history (what Conversations sends when
 *                   it catches up by MAM instead)
 * @param maxStanzas at most this many messages
 * @param seconds    only messages of the last that many seconds
 * @param since      only messages archived at or after this epoch ms
 * @param roomLimit  the room's maximum, null or negative for the service default
 */
public record HistoryRequest(Integer maxChars, Integer maxStanzas, Integer seconds, Long since, Integer roomLimit) {

    /** What a room sends when its configuration says nothing. */
    public static final int DEFAULT_LIMIT = 20;

    public int max() {
        int limit = roomLimit == null || roomLimit < 0 ? DEFAULT_LIMIT : roomLimit;
        if (maxChars != null && maxChars == 0) {
            return 0;
        }
        return maxStanzas == null ? limit : Math.max(0, Math.min(maxStanzas, limit));
    }

    /** The earliest archive time wanted, or null for no bound. */
    public Long start(long now) {
        Long bySeconds = seconds == null ? null : now - seconds * 1000L;
        if (bySeconds == null) {
            return since;
        }
        return since == null ? bySeconds : Math.max(since, bySeconds);
    }
}
