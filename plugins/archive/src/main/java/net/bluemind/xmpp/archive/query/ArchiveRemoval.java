package net.bluemind.xmpp.archive.query;

/** Port: removes archived messages. */
public interface ArchiveRemoval {

    /**
     * Erases one owner's archive: messages owned only by them are deleted; shared ones lose them as an owner
     * and stay in the other owner's archive. Returns how many documents were deleted or updated.
     */
    long eraseOwner(String owner) throws ArchiveUnavailableException;

    /** Deletes every message archived before this epoch ms; returns how many. */
    long purgeBefore(long epochMillis) throws ArchiveUnavailableException;
}
