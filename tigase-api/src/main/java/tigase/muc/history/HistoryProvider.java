package tigase.muc.history;

import java.util.Date;
import tigase.component.PacketWriter;
import tigase.db.DataSource;
import tigase.db.DataSourceAware;
import tigase.muc.Room;
import tigase.xml.Element;
import tigase.xmpp.jid.JID;

/** Declared members (tigase-muc 3.4.0): the whole interface, since bm-xmpp implements it. */
public interface HistoryProvider<DS extends DataSource> extends DataSourceAware<DS> {

    void addJoinEvent(Room room, Date date, JID senderJid, String nickName);

    void addLeaveEvent(Room room, Date date, JID senderJid, String nickName);

    void addMessage(Room room, Element message, String body, JID senderJid, String senderNickname, Date time);

    default void addMessage(Room room, Element message, String body, JID senderJid, String senderNickname, Date time,
            String stableId) {
        throw new UnsupportedOperationException("declaration only");
    }

    void addSubjectChange(Room room, Element message, String subject, JID senderJid, String senderNickname, Date time);

    void destroy();

    void getHistoryMessages(Room room, JID senderJID, Integer maxchars, Integer maxstanzas, Integer seconds, Date since,
            PacketWriter writer);

    boolean isPersistent(Room room);

    void removeHistory(Room room);
}
