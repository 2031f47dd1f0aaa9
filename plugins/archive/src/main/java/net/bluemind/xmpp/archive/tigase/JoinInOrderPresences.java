package net.bluemind.xmpp.archive.tigase;

import net.bluemind.xmpp.archive.room.LeaveReflection;
import tigase.kernel.beans.Bean;
import tigase.muc.exceptions.MUCException;
import tigase.muc.modules.PresenceModuleImpl;
import tigase.server.Packet;
import tigase.server.Priority;
import tigase.util.stringprep.TigaseStringprepException;
import tigase.xml.Element;

/**
 * tigase-muc's presence module ({@code conference/presences/class} in init.properties) with two repairs
 * (docs/developers-guide.md, "Known Tigase issues"):
 * <ul>
 * <li>every packet it writes is queued at {@link Priority#NORMAL}. tigase-muc 3.4.0 gives a joining occupant's own
 * presence {@code HIGH} and the other occupants' presences {@code PRESENCE}, and Tigase's queues are priority queues:
 * under load the self-presence (which tells a client the occupant list is complete) overtook the others, and the
 * room's history ({@code NORMAL}, {@link ArchiveRoomHistory}) overtook the presences. One priority keeps XEP-0045's
 * order: the occupants, the self-presence, the history, the subject. The price: a room's presence broadcasts no
 * longer wait behind messages in Tigase's queues;</li>
 * <li>the presence that confirms a leaving occupant's departure carries the id of its request
 * ({@link LeaveReflection}): Smack clients (Spark) wait for it and reported every leave as timed out.</li>
 * </ul>
 */
@Bean(name = JoinInOrderPresences.ID, active = true)
public class JoinInOrderPresences extends PresenceModuleImpl {

    static final String ID = "presences";
    /** The leave request this thread is handling: its sender's full JID and its id. */
    private static final ThreadLocal<String[]> LEAVING = new ThreadLocal<>();

    @Override
    public void process(Packet packet) throws MUCException, TigaseStringprepException {
        Element e = packet.getElement();
        String id = LeaveReflection.requestId(e.getName(), e.getAttributeStaticStr("type"),
                e.getAttributeStaticStr("to"), e.getAttributeStaticStr("id"));
        if (id == null || packet.getStanzaFrom() == null) {
            super.process(packet);
            return;
        }
        LEAVING.set(new String[] {packet.getStanzaFrom().toString(), id});
        try {
            super.process(packet);
        } finally {
            LEAVING.remove();
        }
    }

    @Override
    protected void write(Packet packet) {
        packet.setPriority(Priority.NORMAL);
        String[] leaving = LEAVING.get();
        if (leaving != null) {
            Element e = packet.getElement();
            if (LeaveReflection.answers(e.getName(), e.getAttributeStaticStr("type"), e.getAttributeStaticStr("to"),
                    leaving[0], e.getAttributeStaticStr("id"))) {
                e.setAttribute("id", leaving[1]);
            }
        }
        super.write(packet);
    }
}
