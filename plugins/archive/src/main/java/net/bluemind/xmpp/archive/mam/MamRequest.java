package net.bluemind.xmpp.archive.mam;

import net.bluemind.xmpp.archive.query.Cursor;

/**
 * A parsed {@code <query xmlns='urn:xmpp:mam:2'/>}.
 *
 * @param queryId the client's {@code queryid}, echoed in each result, or null
 * @param with    bare JID from the {@code with} field, or null
 * @param start   epoch ms, or null
 * @param end     epoch ms, or null
 * @param text    full-text words ({@code {urn:xmpp:fulltext:0}fulltext}, {@code withtext}, {@code search}), or null
 * @param cursor  RSM position
 * @param max     RSM {@code max}, or null when the client did not say
 */
public record MamRequest(String queryId, String with, Long start, Long end, String text, Cursor cursor, Integer max) {
}
