package net.bluemind.xmpp.domains.tigase;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.domains.roster.RosterVersions;
import tigase.db.NonAuthUserRepository;
import tigase.kernel.beans.Bean;
import tigase.server.Packet;
import tigase.server.xmppsession.SessionManager;
import tigase.xml.Element;
import tigase.xmpp.StanzaType;
import tigase.xmpp.XMPPException;
import tigase.xmpp.XMPPResourceConnection;
import tigase.xmpp.impl.JabberIqRoster;

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
 */
@Bean(name = "jabber:iq:roster", parent = SessionManager.class, active = true)
public class VersionedRosterProcessor extends JabberIqRoster {

    static final String XMLNS = "jabber:iq:roster";
    private static final Logger LOG = Logger.getLogger(VersionedRosterProcessor.class.getName());

    @Override
    public void process(Packet packet, XMPPResourceConnection session, NonAuthUserRepository repo,
            Queue<Packet> results, Map<String, Object> settings) throws XMPPException {
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
