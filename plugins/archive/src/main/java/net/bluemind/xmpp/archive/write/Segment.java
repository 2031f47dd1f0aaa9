package net.bluemind.xmpp.archive.write;

import java.nio.file.Path;

/** One spool file: a batch of messages Elasticsearch has not acknowledged yet. */
public record Segment(Path path, long seq, long bytes) {
}
