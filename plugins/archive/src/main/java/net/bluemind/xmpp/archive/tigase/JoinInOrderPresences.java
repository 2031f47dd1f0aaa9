package net.bluemind.xmpp.archive.tigase;

import tigase.kernel.beans.Bean;
import tigase.muc.modules.PresenceModuleImpl;
import tigase.server.Packet;
import tigase.server.Priority;

/**
 * tigase-muc's presence module ({@code conference/presences/class} in init.properties), with every packet it writes
 * queued at {@link Priority#NORMAL}. tigase-muc 3.4.0 gives a joining occupant's own presence {@code HIGH} and the
 * other occupants' presences {@code PRESENCE}, and Tigase's queues are priority queues: under load the self-presence
 * (which tells a client the occupant list is complete) overtook the others, and the room's history ({@code NORMAL},
 * {@link ArchiveRoomHistory}) overtook the presences. One priority keeps XEP-0045's order: the occupants, the
 * self-presence, the history, the subject. The price: a room's presence broadcasts no longer wait behind messages in
 * the MUC component's queues.
 */
@Bean(name = JoinInOrderPresences.ID, active = true)
public class JoinInOrderPresences extends PresenceModuleImpl {

    static final String ID = "presences";

    @Override
    protected void write(Packet packet) {
        packet.setPriority(Priority.NORMAL);
        super.write(packet);
    }
}
