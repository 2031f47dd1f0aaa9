package net.bluemind.xmpp.archive.query;

/** Where a page starts (XEP-0059 RSM, in the archive's order: oldest first). */
public sealed interface Cursor {

    /** No cursor: the oldest matching messages. */
    record First() implements Cursor {
    }

    /** The messages right after the one with this archive id. */
    record After(String id) implements Cursor {
    }

    /** The messages right before the one with this archive id. */
    record Before(String id) implements Cursor {
    }

    /** {@code <before/>} empty: the newest matching messages. */
    record Last() implements Cursor {
    }
}
