package net.bluemind.xmpp.archive.tigase;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.archive.room.Affiliation;
import net.bluemind.xmpp.archive.room.MucAdminRules;
import tigase.component.PacketWriter;
import tigase.component.exceptions.ComponentException;
import tigase.component.modules.Module;
import tigase.criteria.Criteria;
import tigase.kernel.beans.Bean;
import tigase.kernel.beans.Inject;
import tigase.muc.Role;
import tigase.muc.Room;
import tigase.muc.RoomAffiliation;
import tigase.muc.modules.ModeratorModule;
import tigase.muc.repository.IMucRepository;
import tigase.server.Packet;
import tigase.xml.Element;
import tigase.xmpp.Authorization;
import tigase.xmpp.jid.BareJID;
import tigase.xmpp.jid.JID;

/**
 * XEP-0045's permission checks on a room's {@code muc#admin} sets, before tigase-muc 3.4.0 carries them out
 * ({@code conference/bm-muc-admin-guard/class} in init.properties, with {@link MucAdminGuardFilter}):
 * {@link MucAdminRules} decides; a refused set is answered with its error and goes no further, an allowed one is
 * handed back to tigase-muc's own {@code ModeratorModule}, unchanged. tigase-muc never checked an affiliation change
 * for somebody not in the room: any participant could ban, or make anybody member, admin or owner.
 * <p>
 * The filter hands every such set here under {@link #GUARDED} instead of {@code muc#admin}, so that tigase-muc's
 * module, whose turn among the component's modules is not ours to fix, never sees it first.
 */
@Bean(name = MucAdminGuard.ID, active = true)
public class MucAdminGuard implements Module {

    static final String ID = "bm-muc-admin-guard";
    static final String MUC_ADMIN = "http://jabber.org/protocol/muc#admin";
    /** The namespace {@link MucAdminGuardFilter} gives the sets it hands over; never seen outside the component. */
    static final String GUARDED = "urn:bm-xmpp:muc-admin-guard";
    private static final Logger LOG = Logger.getLogger(MucAdminGuard.class.getName());

    @Inject
    private PacketWriter writer;

    @Inject
    private IMucRepository repository;

    @Inject
    private ModeratorModule moderators;

    @Override
    public Criteria getModuleCriteria() {
        return null; // canHandle decides
    }

    @Override
    public boolean canHandle(Packet packet) {
        return "iq".equals(packet.getElemName()) && packet.getElement().getChild("query", GUARDED) != null;
    }

    @Override
    public void process(Packet packet) throws ComponentException {
        Element query = packet.getElement().getChild("query", GUARDED);
        query.setXMLNS(MUC_ADMIN); // back to what the client sent, whatever happens next
        Optional<MucAdminRules.Refusal> refusal = Optional.empty();
        try {
            refusal = refusal(packet, query);
        } catch (Exception e) {
            LOG.log(Level.FINE, "muc#admin set left to tigase-muc's own checks", e);
        }
        if (refusal.isEmpty()) {
            moderators.process(packet);
            return;
        }
        try {
            writer.write(condition(refusal.get().condition()).getResponseMessage(packet, refusal.get().text(), true));
        } catch (Exception e) {
            LOG.log(Level.FINE, "muc#admin refusal not sent", e);
        }
    }

    private Optional<MucAdminRules.Refusal> refusal(Packet packet, Element query) throws Exception {
        JID sender = packet.getStanzaFrom();
        JID to = packet.getStanzaTo();
        if (sender == null || to == null || !"set".equals(packet.getElement().getAttributeStaticStr("type"))
                || query.getChildren() == null) {
            return Optional.empty();
        }
        Room room = repository.getRoom(to.getBareJID());
        if (room == null) {
            return Optional.empty(); // tigase-muc answers item-not-found
        }
        String senderNick = room.getOccupantsNickname(sender);
        int owners = 0;
        for (BareJID jid : room.getAffiliations()) {
            owners += affiliation(room, jid) == Affiliation.OWNER ? 1 : 0;
        }
        MucAdminRules.Requester requester = new MucAdminRules.Requester(affiliation(room, sender.getBareJID()),
                senderNick == null ? "none" : role(room, senderNick), owners);
        List<MucAdminRules.Item> items = new ArrayList<>();
        for (Element item : query.getChildren()) {
            if (!"item".equals(item.getName())) {
                continue;
            }
            String newAffiliation = item.getAttributeStaticStr("affiliation");
            String newRole = item.getAttributeStaticStr("role");
            if ((newAffiliation == null) == (newRole == null)) {
                continue; // neither or both: tigase-muc answers bad-request
            }
            BareJID target = null;
            String targetRole = "none";
            if (newAffiliation != null) {
                String jid = item.getAttributeStaticStr("jid");
                target = jid == null ? null : BareJID.bareJIDInstanceNS(jid.contains("/") ? jid.substring(0, jid.indexOf('/')) : jid);
            } else {
                String nick = item.getAttributeStaticStr("nick");
                Collection<JID> jids = nick == null ? null : room.getOccupantsJidsByNickname(nick);
                target = jids == null || jids.isEmpty() ? null : jids.iterator().next().getBareJID();
                targetRole = nick == null ? "none" : role(room, nick);
            }
            if (target == null) {
                continue; // tigase-muc answers as before
            }
            items.add(new MucAdminRules.Item(newAffiliation, newRole, affiliation(room, target), targetRole,
                    target.equals(sender.getBareJID())));
        }
        return MucAdminRules.check(requester, items);
    }

    private static Affiliation affiliation(Room room, BareJID jid) {
        RoomAffiliation a = room.getAffiliation(jid);
        return a == null || a.getAffiliation() == null ? Affiliation.NONE : Affiliation.of(a.getAffiliation().name());
    }

    private static String role(Room room, String nick) {
        Role r = room.getRole(nick);
        return r == null ? "none" : r.name();
    }

    private static Authorization condition(MucAdminRules.Condition c) {
        return switch (c) {
            case FORBIDDEN -> Authorization.FORBIDDEN;
            case NOT_ALLOWED -> Authorization.NOT_ALLOWED;
            case CONFLICT -> Authorization.CONFLICT;
        };
    }
}
