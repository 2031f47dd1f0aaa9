package net.bluemind.xmpp.archive.tigase;

import java.util.Queue;
import tigase.db.NonAuthUserRepository;
import tigase.kernel.beans.Bean;
import tigase.server.Packet;
import tigase.server.xmppsession.SessionManager;
import tigase.xmpp.XMPPPacketFilterIfc;
import tigase.xmpp.XMPPProcessor;
import tigase.xmpp.XMPPResourceConnection;
import tigase.xmpp.impl.annotation.Id;

/**
 * Corrects a MUC service's data forms ({@link MucForms}) on their way to a local user, whichever server the rooms are
 * on: Smack 4.5 (Spark) otherwise drops the connection on a room's disco#info and finds no configuration form.
 */
@Bean(name = MucFormFilter.ID, parent = SessionManager.class, active = true)
@Id(MucFormFilter.ID)
public class MucFormFilter extends XMPPProcessor implements XMPPPacketFilterIfc {

    static final String ID = "bm-muc-forms";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void filter(Packet packet, XMPPResourceConnection session, NonAuthUserRepository repo, Queue<Packet> results) {
        if (results != null) {
            results.forEach(MucForms::repair);
        }
    }
}
