package net.bluemind.xmpp.archive.tigase;

import tigase.component.PacketWriter;
import tigase.component.modules.Module;
import tigase.criteria.Criteria;
import tigase.kernel.beans.Bean;
import tigase.kernel.beans.Inject;
import tigase.muc.Room;
import tigase.muc.modules.RoomFeatures;
import tigase.server.Packet;

/**
 * XEP-0313 at a room, in tigase-muc's component ({@code conference/bm-room-mam/class} in init.properties), for
 * queries that reach the room itself: those of users of other servers, which never pass a session of ours (a local
 * user's query is answered in the session by {@link ArchiveProcessor} and never gets here). Same engine, same room
 * rules, same pages and ids as for local users. Rooms also list {@code urn:xmpp:mam:2} in their disco#info, so
 * that clients ask.
 */
@Bean(name = RoomMamModule.ID, active = true)
public class RoomMamModule implements Module, RoomFeatures {

    static final String ID = "bm-room-mam";
    private static final String[] ROOM_FEATURES = {MamReplies.XMLNS, "urn:xmpp:fulltext:0", "urn:xmpp:sid:0"};

    @Inject
    private PacketWriter writer;

    @Override
    public Criteria getModuleCriteria() {
        return null; // canHandle decides
    }

    /** An iq with a MAM query, to a room (a JID with a local part): the service itself keeps no archive. */
    @Override
    public boolean canHandle(Packet packet) {
        return "iq".equals(packet.getElemName()) && packet.getStanzaTo() != null
                && packet.getStanzaTo().getLocalpart() != null
                && packet.getElement().getChild("query", MamReplies.XMLNS) != null;
    }

    @Override
    public void process(Packet packet) {
        if (packet.getStanzaFrom() == null) {
            return; // nobody to answer: Tigase's router always sets the sender of what reaches a component
        }
        writer.write(MamReplies.answer(RunningArchive.get(), packet, packet.getStanzaFrom()));
    }

    @Override
    public String[] getRoomFeatures(Room room) {
        return ROOM_FEATURES.clone();
    }
}
