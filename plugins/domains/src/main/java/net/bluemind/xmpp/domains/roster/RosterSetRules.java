package net.bluemind.xmpp.domains.roster;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The roster sets RFC 6121 says a server must refuse (2.3.3, 2.5.3), which Tigase 8.4.0 carries out instead
 * ({@code JabberIqRoster.processSetRequest} adds every item of the set, keeps repeated and empty groups, and removes
 * an item it does not have, answering with a result and a push).
 */
public final class RosterSetRules {

    /** The error conditions of the refusals. */
    public enum Condition {
        BAD_REQUEST, NOT_ACCEPTABLE, ITEM_NOT_FOUND, FORBIDDEN
    }

    /** Why a roster set is refused: the stanza error's condition and text. */
    public record Refusal(Condition condition, String text) {
    }

    /**
     * One {@code <item/>} of a roster set.
     *
     * @param subscription its {@code subscription} attribute (null when absent)
     * @param groups the text of each of its {@code <group/>} children, in order ("" for an empty one)
     * @param inRoster whether the user's roster has an item for its JID
     */
    public record SetItem(String subscription, List<String> groups, boolean inRoster) {
        public SetItem {
            groups = List.copyOf(groups == null ? List.of() : groups);
        }
    }

    private RosterSetRules() {
    }

    /**
     * The refusal of a roster set a user sends to {@code to} (its {@code to} attribute, null when absent): another
     * user's roster is nobody else's to change (RFC 6121 2.1.5, 2.3.3: {@code forbidden}), for a set to their bare
     * JID. A set to the user's own JID, to another user's full JID (8.5.3: that resource's, or service-unavailable),
     * or to an address without a local part (a transport's roster, XEP-0321, which Tigase forwards) is
     * left to the other checks. Tigase answered {@code not-allowed}.
     */
    public static Optional<Refusal> addressee(String user, String to) {
        if (to == null || to.isEmpty()) {
            return Optional.empty();
        }
        String bare = bare(to);
        if (bare.equalsIgnoreCase(bare(user)) || bare.indexOf('@') < 1 || !bare.equals(to)) {
            // a full JID: the stanza is for that resource (RFC 6121 8.5.3: delivered, or service-unavailable when
            // the resource is not online), which Tigase already answers right
            return Optional.empty();
        }
        return Optional.of(new Refusal(Condition.FORBIDDEN, "Only the user may change their roster"));
    }

    private static String bare(String jid) {
        int slash = jid.indexOf('/');
        return slash < 0 ? jid : jid.substring(0, slash);
    }

    /** The refusal of a roster set holding these items, or empty when Tigase may carry it out. */
    public static Optional<Refusal> check(List<SetItem> items) {
        if (items.size() != 1) {
            // RFC 6121 2.1.5 and 2.3.3: exactly one item (none is Tigase's own bad-request already)
            return items.isEmpty() ? Optional.empty()
                    : Optional.of(new Refusal(Condition.BAD_REQUEST, "A roster set holds exactly one item"));
        }
        SetItem item = items.get(0);
        if ("remove".equals(item.subscription())) {
            // RFC 6121 2.5.3: removing an item the roster does not have
            return item.inRoster() ? Optional.empty()
                    : Optional.of(new Refusal(Condition.ITEM_NOT_FOUND, "No such item in the roster"));
        }
        Set<String> seen = new HashSet<>();
        for (String g : item.groups()) {
            if (g.isEmpty()) {
                // RFC 6121 2.3.3: a group without character data
                return Optional.of(new Refusal(Condition.NOT_ACCEPTABLE, "A group has a name"));
            }
            if (!seen.add(g)) {
                // RFC 6121 2.3.3: the same group twice
                return Optional.of(new Refusal(Condition.BAD_REQUEST, "Group '" + g + "' is given twice"));
            }
        }
        return Optional.empty();
    }
}
