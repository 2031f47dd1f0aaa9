package net.bluemind.xmpp.archive.write;

import java.nio.file.Path;

/**
 * Messages Elasticsearch has not acknowledged yet: the records {@code [offset, offset + length)} of a journal file,
 * or a whole spool file of the format before the journal ({@code seg-*.ndjson}, offset 0, replayed once after an
 * upgrade).
 *
 * @param bytes the bytes it holds, counted against {@code archive-spool-max}
 */
public record Segment(Path path, long seq, long offset, long length, long bytes, boolean legacy) {
}
