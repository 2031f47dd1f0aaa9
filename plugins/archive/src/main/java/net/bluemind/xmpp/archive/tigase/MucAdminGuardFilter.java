package net.bluemind.xmpp.archive.tigase;

import tigase.server.Packet;
import tigase.server.PacketFilterIfc;
import tigase.server.QueueType;
import tigase.stats.StatisticsList;
import tigase.xml.Element;
import tigase.xmpp.jid.JID;

/**
 * The MUC component's incoming filter ({@code conference/incomingFilters/bm-muc-admin-guard/class} in
 * init.properties): every {@code muc#admin} set to a room is handed to {@link MucAdminGuard} (its query's namespace
 * becomes {@link MucAdminGuard#GUARDED}, which the guard puts back), which checks it before tigase-muc's own module
 * runs it. Everything else goes on untouched.
 */
public class MucAdminGuardFilter implements PacketFilterIfc {

    @Override
    public void init(String name, QueueType qType) {
        // nothing to set up
    }

    @Override
    public Packet filter(Packet packet) {
        if (!"iq".equals(packet.getElemName()) || !"set".equals(packet.getElement().getAttributeStaticStr("type"))) {
            return packet;
        }
        JID to = packet.getStanzaTo();
        if (to == null || to.getLocalpart() == null || to.getResource() != null) {
            return packet;
        }
        Element query = packet.getElement().getChild("query", MucAdminGuard.MUC_ADMIN);
        if (query != null) {
            query.setXMLNS(MucAdminGuard.GUARDED);
        }
        return packet;
    }

    @Override
    public void getStatistics(StatisticsList list) {
        // none
    }
}
