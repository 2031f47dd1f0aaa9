package net.bluemind.xmpp.archive.write;

/** How the wait of a captured message for its spool write ended ({@code archive-spool-before-routing}). */
public enum SpoolOutcome {
    /** in the spool, fdatasync'd: a crash from now on cannot lose it */
    SPOOLED,
    /** the spool refused it (full or unwritable): not archived, the writer logged why */
    FAILED,
    /** not confirmed within the timeout: staged, written with a later group, but not yet crash-proof */
    TIMED_OUT
}
