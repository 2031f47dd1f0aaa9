package net.bluemind.xmpp.archive.mam;

import net.bluemind.xmpp.archive.query.ArchiveUnavailableException;

/** Port: who may read a room's archive. */
public interface RoomMembership {

    boolean mayRead(String user, String room) throws ArchiveUnavailableException;
}
