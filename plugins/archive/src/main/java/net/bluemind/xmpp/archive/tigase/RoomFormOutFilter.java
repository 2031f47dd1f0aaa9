package net.bluemind.xmpp.archive.tigase;

import tigase.server.Packet;
import tigase.server.PacketFilterIfc;
import tigase.server.QueueType;
import tigase.stats.StatisticsList;

/**
 * Corrects our rooms' data forms ({@link MucForms}) as they leave the MUC component
 * ({@code conference/outgoingFilters/bm-muc-forms/class} in init.properties), for users of other servers: their
 * queries and answers never pass a session of ours, and a Smack client on Prosody was disconnected by a room's
 * disco#info ("text-single fields can have at most one value").
 */
public class RoomFormOutFilter implements PacketFilterIfc {

    @Override
    public void init(String name, QueueType qType) {
        // nothing to set up
    }

    @Override
    public Packet filter(Packet packet) {
        MucForms.repair(packet);
        return packet; // never stops a packet
    }

    @Override
    public void getStatistics(StatisticsList list) {
        // none
    }
}
