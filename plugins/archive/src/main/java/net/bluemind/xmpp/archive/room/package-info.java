/**
 * Rooms (XEP-0045) as the archive needs them: who may read a room's archive (XEP-0313 section 5 "MUC archives"),
 * decided from the room's own configuration and affiliations that the MUC component holds ({@link RoomDirectory},
 * a port the Tigase adapter implements), and how an occupant address maps to a real JID for private messages.
 */
package net.bluemind.xmpp.archive.room;
