package net.bluemind.xmpp.vcard.tigase;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.bluemind.xmpp.vcard.Requester;
import tigase.db.UserNotFoundException;
import tigase.db.UserRepository;
import tigase.vhosts.VHostManagerIfc;
import tigase.xmpp.impl.roster.RosterAbstract;
import tigase.xmpp.impl.roster.RosterElement;
import tigase.xmpp.impl.roster.RosterFlat;
import tigase.xmpp.jid.BareJID;
import tigase.xmpp.jid.JID;

/**
 * Works out who asks for a card ({@link Requester}), for {@link net.bluemind.xmpp.vcard.CardPolicy}: a sender at a
 * domain this server hosts (Tigase's virtual hosts: every BlueMind domain and alias) is a local user; one at a
 * component of this server (a room at {@code conference.<domain>} relaying an occupant's request) a room
 * occupant; anyone else a contact when the owner's <b>stored</b> roster (Tigase's user repository, key
 * {@code roster}, written at every roster change, so it holds whether the owner is online or not) has them with
 * subscription 'from' or 'both' (Tigase's {@code SUB_FROM} and {@code SUB_BOTH}), else a stranger. Whatever
 * cannot be read counts against the requester (stranger); an account Tigase has never seen has no roster.
 */
final class Requesters {

    private static final Logger LOG = Logger.getLogger(Requesters.class.getName());

    private final Supplier<VHostManagerIfc> vhosts;
    private final Supplier<UserRepository> users;

    Requesters(Supplier<VHostManagerIfc> vhosts, Supplier<UserRepository> users) {
        this.vhosts = vhosts;
        this.users = users;
    }

    /** Who {@code from} is to {@code owner}'s card; reads the owner's stored roster for a remote sender. */
    Requester of(JID from, BareJID owner) {
        return forOwner(owner).of(from);
    }

    /** Classifies several senders for one owner, reading the owner's roster at most once. */
    Audience forOwner(BareJID owner) {
        return new Audience(owner);
    }

    final class Audience {

        private final BareJID owner;
        private Map<BareJID, RosterElement> roster;

        private Audience(BareJID owner) {
            this.owner = owner;
        }

        Requester of(JID from) {
            if (from == null || from.getDomain() == null) {
                return Requester.STRANGER; // no sender: nobody to show anything to
            }
            if (from.getBareJID().equals(owner)) {
                return Requester.LOCAL_USER;
            }
            VHostManagerIfc v = vhosts.get();
            if (v != null && v.isLocalDomain(from.getDomain())) {
                return Requester.LOCAL_USER;
            }
            if (v != null && v.isLocalDomainOrComponent(from.getDomain())) {
                return Requester.ROOM_OCCUPANT;
            }
            if (v == null) {
                LOG.warning("no virtual-host manager: every requester of a vCard counts as a stranger");
            }
            RosterElement item = roster().get(from.getBareJID());
            RosterAbstract.SubscriptionType sub = item == null ? null : item.getSubscription();
            return sub != null && (RosterAbstract.SUB_FROM.contains(sub) || RosterAbstract.SUB_BOTH.contains(sub))
                    ? Requester.CONTACT : Requester.STRANGER;
        }

        private Map<BareJID, RosterElement> roster() {
            if (roster == null) {
                roster = storedRoster(owner);
            }
            return roster;
        }
    }

    private Map<BareJID, RosterElement> storedRoster(BareJID owner) {
        Map<BareJID, RosterElement> roster = new HashMap<>();
        UserRepository repo = users.get();
        if (repo == null || owner == null) {
            return roster;
        }
        try {
            // asked first: Tigase's JDBC repository with autoCreateUser=true (the shipped user-db-uri) would
            // otherwise create an account for every address a stranger tries
            if (!repo.userExists(owner)) {
                return roster;
            }
            String stored = repo.getData(owner, null, RosterAbstract.ROSTER, null);
            if (stored != null && !stored.isBlank()) {
                RosterFlat.parseRosterUtil(stored, roster, null);
            }
        } catch (UserNotFoundException e) {
            // no such account in Tigase's repository: no roster, nobody subscribed
        } catch (Exception e) {
            LOG.log(Level.WARNING, "could not read the roster of " + owner + ": remote requesters of their card "
                    + "count as strangers", e);
        }
        return roster;
    }
}
