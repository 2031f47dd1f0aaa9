package net.bluemind.xmpp.archive.query;

/** Port: reads an archive. */
public interface ArchiveSearch {

    /**
     * @throws UnknownCursorException     when an RSM cursor names no message of this archive
     * @throws ArchiveUnavailableException when the store cannot answer now
     */
    ArchivePage find(ArchiveQuery query) throws UnknownCursorException, ArchiveUnavailableException;

    /** Whether the archive of {@code room} holds a message sent by {@code user}. */
    boolean hasSentTo(String user, String room) throws ArchiveUnavailableException;
}
