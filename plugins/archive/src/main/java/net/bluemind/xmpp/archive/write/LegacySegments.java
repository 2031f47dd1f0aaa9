package net.bluemind.xmpp.archive.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Logger;

/**
 * The spool files of the versions before the journal: one {@code seg-<seq>.ndjson} per batch (written to
 * {@code .tmp}, fsync'd, renamed), one document a line. An upgrade finds them in the spool directory; they are
 * replayed like journal segments and deleted once acknowledged. Nothing writes this format any more.
 */
final class LegacySegments {

    private static final Logger LOG = Logger.getLogger(LegacySegments.class.getName());
    private static final String PREFIX = "seg-";
    private static final String SUFFIX = ".ndjson";

    private LegacySegments() {
    }

    /**
     * The segment an old file stands for, or null when it is not one. A {@code .tmp} left by a crash: when the
     * complete file exists (a rewrite), the complete file wins; otherwise (a new batch, never acknowledged) its
     * complete lines are kept.
     */
    static Segment recover(Path found, long seq) throws IOException {
        Path p = found;
        String name = p.getFileName().toString();
        if (name.startsWith(PREFIX) && name.endsWith(SUFFIX + ".tmp")) {
            p = found.resolveSibling(name.substring(0, name.length() - 4));
            if (Files.exists(p)) {
                Files.delete(found);
                return null; // the complete file is listed on its own
            }
            Files.move(found, p, StandardCopyOption.ATOMIC_MOVE);
            name = p.getFileName().toString();
        }
        if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) {
            return null;
        }
        try {
            Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
        } catch (NumberFormatException e) {
            LOG.warning("ignoring unexpected file in the archive spool: " + p);
            return null;
        }
        long size = Files.size(p);
        return new Segment(p, seq, 0, size, size, true);
    }

    /** Old files sort by their own sequence number, before every journal file. */
    static boolean isOne(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith(PREFIX) && (name.endsWith(SUFFIX) || name.endsWith(SUFFIX + ".tmp"));
    }
}
