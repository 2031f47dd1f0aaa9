package tigase.muc.modules;

import tigase.muc.Room;

/** Declared members (tigase-muc 3.4.0): the whole interface, since bm-xmpp implements it. */
public interface RoomFeatures {

    String[] getRoomFeatures(Room room);
}
