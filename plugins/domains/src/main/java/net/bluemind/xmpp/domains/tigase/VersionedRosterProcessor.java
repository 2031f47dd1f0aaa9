package net.bluemind.xmpp.domains.tigase;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.domains.roster.RosterSetRules;
import net.bluemind.xmpp.domains.roster.RosterVersions;
import tigase.db.NonAuthUserRepository;
import tigase.kernel.beans.Bean;
import tigase.server.Packet;
import tigase.server.xmppsession.SessionManager;
import tigase.xml.Element;
import tigase.xmpp.Authorization;
import tigase.xmpp.StanzaType;
import tigase.xmpp.XMPPException;
import tigase.xmpp.XMPPResourceConnection;
import tigase.xmpp.impl.JabberIqRoster;
import tigase.xmpp.impl.roster.RosterAbstract;
import tigase.xmpp.impl.roster.RosterFactory;
import tigase.xmpp.impl.roster.RosterFlat;
import tigase.xmpp.jid.JID;

/**
 * Tigase's roster processor, same bean name ({@code sess-man/jabber\:iq\:roster/class} in init.properties), whose
 * answer to a roster get with a {@code ver} carries the version of the roster it holds.
 * <p>
 * Tigase 8.4.0's {@code JabberIqRoster.processGetRequest} answers an empty roster with {@code okResult(null, 1)}, a
 * copy of the request's {@code <query/>}: with the client's own {@code ver}, whichever state that was. A client
 * that asks with {@code ver=''} (its first login) keeps {@code ''}, and one whose last contact was just removed keeps
 * the version of the roster that still had it. Here the {@code ver} of such an answer is the version of the items it
 * holds ({@link RosterVersions#answerVersion}, the same digest {@link VersionedRoster} pushes). An empty result (the
 * client is up to date) and a get without {@code ver} are left as Tigase answers them.
 * <p>
 * It also refuses, before Tigase carries them out, the roster sets RFC 6121 says a server must refuse
 * ({@link RosterSetRules}): several items ({@code bad-request}), a group given twice ({@code bad-request}), an empty
 * group ({@code not-acceptable}), the removal of an item the roster does not have ({@code item-not-found}), a set addressed to another user
 * ({@code forbidden}, where Tigase said {@code not-allowed}).
 */
@Bean(name = "jabber:iq:roster", parent = SessionManager.class, active = true)
public class VersionedRosterProcessor extends JabberIqRoster {

    static final String XMLNS = "jabber:iq:roster";
    private static final Logger LOG = Logger.getLogger(VersionedRosterProcessor.class.getName());

    @Override
    public void process(Packet packet, XMPPResourceConnection session, NonAuthUserRepository repo,
            Queue<Packet> results, Map<String, Object> settings) throws XMPPException {
        Optional<RosterSetRules.Refusal> refusal = refusal(packet, session);
        if (refusal.isPresent()) {
            results.offer(condition(refusal.get().condition()).getResponseMessage(packet, refusal.get().text(), true));
            return;
        }
        String requested = requestedVersion(packet);
        if (requested == null) {
            super.process(packet, session, repo, results, settings);
            return;
        }
        Queue<Packet> own = new ArrayDeque<>(2);
        try {
            super.process(packet, session, repo, own, settings);
        } finally {
            for (Packet p : own) {
                versionAnswer(p, packet.getStanzaId(), requested);
                results.offer(p);
            }
        }
    }

    /**
     * The refusal of a roster set the user's own connection sends about its own roster ({@link RosterSetRules});
     * empty for everything else, and whenever the set cannot be read here (Tigase then answers it as before).
     */
    private static Optional<RosterSetRules.Refusal> refusal(Packet packet, XMPPResourceConnection session) {
        try {
            if (packet.getType() != StanzaType.set || !"iq".equals(packet.getElemName()) || session == null
                    || !session.isAuthorized() || !session.getConnectionId().equals(packet.getPacketFrom())) {
                return Optional.empty();
            }
            JID to = packet.getStanzaTo();
            if (to != null && !session.getBareJID().equals(to.getBareJID())) {
                // another user's roster: forbidden; a transport's (Tigase forwards it): Tigase's
                return RosterSetRules.addressee(session.getBareJID().toString(), to.toString());
            }
            Element query = packet.getElement().getChild("query", XMLNS);
            if (query == null || query.getChildren() == null) {
                return Optional.empty();
            }
            RosterAbstract roster = RosterFactory.getRosterImplementation(true);
            List<RosterSetRules.SetItem> items = new ArrayList<>(1);
            for (Element item : query.getChildren()) {
                if (!"item".equals(item.getName())) {
                    continue;
                }
                String subscription = item.getAttributeStaticStr("subscription");
                List<String> groups = new ArrayList<>(1);
                if (item.getChildren() != null) {
                    for (Element g : item.getChildren()) {
                        if ("group".equals(g.getName())) {
                            groups.add(g.getCData() == null ? "" : g.getCData());
                        }
                    }
                }
                boolean inRoster = true;
                if ("remove".equals(subscription)) {
                    String jid = item.getAttributeStaticStr("jid");
                    JID buddy = jid == null ? null : JID.jidInstanceNS(jid);
                    if (buddy == null || !(roster instanceof RosterFlat flat)) {
                        return Optional.empty();
                    }
                    inRoster = flat.containsBuddy(session, buddy);
                }
                items.add(new RosterSetRules.SetItem(subscription, groups, inRoster));
            }
            return RosterSetRules.check(items);
        } catch (Exception e) {
            LOG.log(Level.FINE, "roster set left to Tigase as it is", e);
            return Optional.empty();
        }
    }

    private static Authorization condition(RosterSetRules.Condition c) {
        return switch (c) {
            case BAD_REQUEST -> Authorization.BAD_REQUEST;
            case NOT_ACCEPTABLE -> Authorization.NOT_ACCEPTABLE;
            case ITEM_NOT_FOUND -> Authorization.ITEM_NOT_FOUND;
            case FORBIDDEN -> Authorization.FORBIDDEN;
        };
    }

    /** The {@code ver} of a roster get, or null when the packet is something else or has none. */
    static String requestedVersion(Packet packet) {
        if (packet.getType() != StanzaType.get || !"iq".equals(packet.getElemName())) {
            return null;
        }
        Element query = packet.getElement().getChild("query", XMLNS);
        return query == null ? null : query.getAttributeStaticStr("ver");
    }

    /** Sets the {@code ver} of the answer to the request with this id, when it holds a roster. */
    static void versionAnswer(Packet p, String id, String requested) {
        try {
            if (p.getType() != StanzaType.result || !"iq".equals(p.getElemName()) || id == null
                    || !id.equals(p.getStanzaId())) {
                return;
            }
            Element query = p.getElement().getChild("query", XMLNS);
            if (query == null) {
                return; // empty result: the client's version is the current one
            }
            String ver = RosterVersions.answerVersion(requested, RosterItems.of(query.getChildren()));
            if (ver != null) {
                query.setAttribute("ver", ver);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "roster version of the answer left as it was", e);
        }
    }
}
