package net.bluemind.xmpp.domains.tigase;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.domains.roster.RosterVersions;
import tigase.db.TigaseDBException;
import tigase.xml.Element;
import tigase.xmpp.NotAuthorizedException;
import tigase.xmpp.XMPPResourceConnection;
import tigase.xmpp.impl.roster.RosterElement;
import tigase.xmpp.impl.roster.RosterFlat;
import tigase.xmpp.jid.BareJID;

/**
 * Tigase's roster store ({@code RosterFlat}) whose roster version is always the one of the roster as it is now
 * ({@code rosterFactory/roster-implementation} in init.properties).
 * <p>
 * Tigase 8.4.0 keeps the version ({@code RosterAbstract.getBuddiesHash}) in each connection's session data, computes
 * it (for the user's connections then active) only when a connection asks for its roster with a {@code ver}, and never
 * again on a change: every roster push ({@code RosterAbstract.broadcastRosterChange}) carries that stale value (or
 * {@code ver=''} when none was computed), so two different states are pushed with one version, and a client that
 * hands back a pushed version is answered for another state (docs/developers-guide.md, "Known Tigase issues"). Here the version is the
 * digest of the items ({@link RosterVersions#of}) each time Tigase asks for it: for every push, for every roster get.
 * The items are the ones a roster get returns ({@code getRosterItems}: no pending-in-only entries). The bundle has no
 * dynamic roster (Tigase's {@code DynamicRoster} is not configured; directory colleagues are ordinary items).
 */
public class VersionedRoster extends RosterFlat {

    private static final Logger LOG = Logger.getLogger(VersionedRoster.class.getName());
    /**
     * Set while this thread computes a version or reads the roster map: Tigase's {@code getUserRoster}, called for
     * every roster lookup (each subscription check, each presence), asks for the version only to see whether it is
     * null; the digest of the whole roster is not computed for that.
     */
    private static final ThreadLocal<Boolean> COMPUTING = new ThreadLocal<>();

    @Override
    protected Map<BareJID, RosterElement> getUserRoster(XMPPResourceConnection session)
            throws NotAuthorizedException, TigaseDBException {
        if (COMPUTING.get() != null) {
            return super.getUserRoster(session);
        }
        COMPUTING.set(Boolean.TRUE);
        try {
            return super.getUserRoster(session);
        } finally {
            COMPUTING.remove();
        }
    }

    @Override
    public String getBuddiesHash(final XMPPResourceConnection session) {
        if (COMPUTING.get() != null) {
            return super.getBuddiesHash(session);
        }
        COMPUTING.set(Boolean.TRUE);
        try {
            List<Element> items = getRosterItems(session);
            return RosterVersions.of(RosterItems.of(items));
        } catch (Exception e) {
            LOG.log(Level.FINE, "roster version: roster unreadable, a version no client holds instead", e);
            return RosterVersions.unreadable();
        } finally {
            COMPUTING.remove();
        }
    }
}
