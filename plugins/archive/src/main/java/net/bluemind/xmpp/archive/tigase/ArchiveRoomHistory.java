package net.bluemind.xmpp.archive.tigase;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.archive.ArchiveEngine;
import net.bluemind.xmpp.archive.mam.XmlElement;
import net.bluemind.xmpp.archive.query.ArchiveUnavailableException;
import net.bluemind.xmpp.archive.room.HistoryRequest;
import tigase.component.PacketWriter;
import tigase.db.DataSource;
import tigase.muc.Room;
import tigase.muc.history.HistoryProvider;
import tigase.server.Packet;
import tigase.xml.Element;
import tigase.xmpp.jid.JID;

/**
 * tigase-muc's history provider ({@code conference/historyProviderPool/default/cls} in init.properties). The room
 * archives each message it is about to broadcast, here: once, before any occupant gets it, with the sender's nick,
 * whichever server the sender is on (a remote user's message never passes a session of ours); our XEP-0359 id
 * {@code by} the room goes into the broadcast. The history sent on join is read from that archive in
 * Elasticsearch, the one BlueMind and MAM at the room read. tigase-muc calls this on its own threads; it never throws.
 */
public class ArchiveRoomHistory implements HistoryProvider<DataSource> {

    private static final Logger LOG = Logger.getLogger(ArchiveRoomHistory.class.getName());

    public ArchiveRoomHistory() {
        RunningArchive.roomHistoryInUse();
    }

    @Override
    public void setDataSource(DataSource dataSource) {
        // nothing: the archive is Elasticsearch, not Tigase's database
    }

    @Override
    public void addMessage(Room room, Element message, String body, JID senderJid, String senderNickname, Date time) {
        addMessage(room, message, body, senderJid, senderNickname, time, null);
    }

    @Override
    public void addMessage(Room room, Element message, String body, JID senderJid, String senderNickname, Date time,
            String stableId) {
        ArchiveEngine e = RunningArchive.get();
        if (e == null || senderJid == null) {
            return;
        }
        try {
            String roomJid = room.getRoomJID().toString();
            MessageStanzas.stripForged(message, roomJid); // only the room sets the room's ids
            Optional<String> id = e.captureAtRoom(MessageStanzas.of(message, "groupchat", senderJid.toString(), roomJid),
                    senderNickname);
            id.ifPresent(v -> MessageStanzas.addStanzaId(message, roomJid, v));
        } catch (Throwable t) {
            LOG.log(Level.WARNING, "archive capture failed for a room message; not archived", t);
        }
    }

    @Override
    public void getHistoryMessages(Room room, JID recipient, Integer maxchars, Integer maxstanzas, Integer seconds,
            Date since, PacketWriter writer) {
        ArchiveEngine e = RunningArchive.get();
        if (e == null || recipient == null) {
            return;
        }
        String roomJid = room.getRoomJID().toString();
        try {
            HistoryRequest request = new HistoryRequest(maxchars, maxstanzas, seconds,
                    since == null ? null : since.getTime(), room.getConfig().getMaxHistory());
            List<Packet> packets = new ArrayList<>();
            int chars = 0;
            List<XmlElement> history = e.joinHistory().messages(roomJid, recipient.toString(), request);
            for (int i = history.size() - 1; i >= 0; i--) { // newest first, so that maxchars keeps the newest
                Element el = ElementTrees.toTigase(history.get(i));
                chars += el.toString().length();
                if (maxchars != null && maxchars > 0 && chars > maxchars) {
                    break;
                }
                packets.add(0, Packet.packetInstance(el, JID.jidInstanceNS(el.getAttributeStaticStr("from")), recipient));
            }
            packets.forEach(writer::write);
        } catch (ArchiveUnavailableException ex) {
            LOG.log(Level.INFO, () -> "no history sent to " + recipient + " joining " + roomJid + ": " + ex.getMessage());
        } catch (Throwable t) {
            LOG.log(Level.WARNING, "room history from the archive failed for " + roomJid, t);
        }
    }

    @Override
    public boolean isPersistent(Room room) {
        return true;
    }

    /** A destroyed room's archive stays: retention and BlueMind decide when archived messages go. */
    @Override
    public void removeHistory(Room room) {
    }

    @Override
    public void addJoinEvent(Room room, Date date, JID senderJid, String nickName) {
    }

    @Override
    public void addLeaveEvent(Room room, Date date, JID senderJid, String nickName) {
    }

    @Override
    public void addSubjectChange(Room room, Element message, String subject, JID senderJid, String senderNickname,
            Date time) {
    }

    @Override
    public void destroy() {
    }
}
