package net.bluemind.xmpp.vcard.tigase;

import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.vcard.route.AddressRoutes;
import net.bluemind.xmpp.vcard.route.Route;
import net.bluemind.xmpp.vcard.route.StanzaKind;
import tigase.server.Packet;
import tigase.server.PacketFilterIfc;
import tigase.server.QueueType;
import tigase.stats.StatisticsList;
import tigase.xmpp.jid.JID;

/**
 * The session manager's incoming filter ({@code sess-man/incomingFilters/bm-address-route/class} in
 * init.properties): a message to an address of a user that is not their JID ({@code maud@alias}) is readdressed
 * to the JID ({@link AddressRoutes}) before the session manager sees it, on the sender's pass as on the recipient's:
 * so it is archived once, under the JID, and delivered to her sessions or her offline store. Runs on the session
 * manager's own queue thread, before its preprocessors (whose order Tigase does not fix: the archive's must see the
 * JID). The directory answer is the vCard engine's cached card (a miss costs one bm-core read, bounded by its
 * timeouts); everything else, and every other stanza, goes on untouched, to {@link AddressGate}.
 */
public class AddressRouteFilter implements PacketFilterIfc {

    private static final Logger LOG = Logger.getLogger(AddressRouteFilter.class.getName());

    @Override
    public void init(String name, QueueType qType) {
        // nothing to set up
    }

    @Override
    public Packet filter(Packet packet) {
        try {
            if (!"message".equals(packet.getElemName())) {
                return packet;
            }
            JID to = packet.getStanzaTo();
            if (to == null || to.getLocalpart() == null) {
                return packet;
            }
            StanzaKind kind = StanzaKind.of("message", packet.getElement().getAttributeStaticStr("type"));
            if (kind != StanzaKind.MESSAGE && kind != StanzaKind.HEADLINE) {
                return packet;
            }
            VCardRuntime r = VCardRuntime.ifStarted();
            if (r == null) {
                return packet;
            }
            String bare = to.getBareJID().toString();
            if (AddressRoutes.decide(kind, bare, r.addresses.resolve(bare)) instanceof Route.Rewrite w) {
                LOG.log(Level.FINE, "message to {0} readdressed to {1}", new Object[] {bare, w.jid()});
                return AddressGate.rewritten(packet, w.jid());
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "address route: message left as it came", e);
        }
        return packet;
    }

    @Override
    public void getStatistics(StatisticsList list) {
        // none
    }
}
