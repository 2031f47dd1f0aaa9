package net.bluemind.xmpp.archive;

import java.security.SecureRandom;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Archive ids: 12 hex digits of the archive time in ms, 8 of a per-process random node tag, 8 of a counter.
 * Assigned once at capture and kept through the spool, so a replay writes the same ES {@code _id} and cannot
 * duplicate; the time prefix lets an RSM cursor be turned back into its sort position without a lookup.
 */
public final class ArchiveId {

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{28}");

    private final String node;
    private final AtomicInteger counter = new AtomicInteger();

    public ArchiveId() {
        this.node = String.format("%08x", new SecureRandom().nextInt());
    }

    public String next(long epochMillis) {
        return String.format("%012x%s%08x", epochMillis, node, counter.getAndIncrement());
    }

    /** The archive time encoded in an id, empty when the text is not an archive id. */
    public static OptionalLong timeOf(String id) {
        if (id == null || !FORMAT.matcher(id).matches()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(id.substring(0, 12), 16));
    }
}
