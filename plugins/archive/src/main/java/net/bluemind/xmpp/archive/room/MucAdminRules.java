package net.bluemind.xmpp.archive.room;

import java.util.List;
import java.util.Optional;

/**
 * Who may change affiliations and roles in a room (XEP-0045 sections 8 to 10), checked before tigase-muc 3.4.0 carries
 * out a {@code muc#admin} set. tigase-muc checks an item only against the occupants the target JID has in the room
 * ({@code ModeratorModule.checkItem} loops over them): an affiliation change for somebody who is not in the room is
 * carried out whoever asks, so any participant could ban, make members, admins or owners. Its refusals also use
 * {@code not-allowed} where XEP-0045 says {@code forbidden} (the requester lacks the privilege) or {@code conflict}
 * (banning oneself).
 */
public final class MucAdminRules {

    /** The error conditions of the refusals. */
    public enum Condition {
        FORBIDDEN, NOT_ALLOWED, CONFLICT
    }

    /** Why a set is refused: the stanza error's condition and text. */
    public record Refusal(Condition condition, String text) {
    }

    /**
     * The requester: affiliation, role ("none" when not in the room), and how many owners the room has.
     */
    public record Requester(Affiliation affiliation, String role, int owners) {
    }

    /**
     * One {@code <item/>}: an affiliation change ({@code newAffiliation} set) or a role change ({@code newRole} set).
     *
     * @param targetAffiliation the target's affiliation now; {@code targetRole} its role now ("none" when absent)
     * @param self whether the target is the requester (same bare JID)
     */
    public record Item(String newAffiliation, String newRole, Affiliation targetAffiliation, String targetRole,
            boolean self) {
    }

    private MucAdminRules() {
    }

    /** The refusal of the first item the requester may not carry out, or empty (tigase-muc then goes on). */
    public static Optional<Refusal> check(Requester requester, List<Item> items) {
        for (Item item : items) {
            Optional<Refusal> r = item.newAffiliation() != null ? affiliation(requester, item)
                    : item.newRole() != null ? role(requester, item) : Optional.empty();
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> affiliation(Requester requester, Item item) {
        Affiliation to = Affiliation.of(item.newAffiliation());
        boolean owner = requester.affiliation() == Affiliation.OWNER;
        boolean admin = owner || requester.affiliation() == Affiliation.ADMIN;
        if (!admin) {
            // 9.1, 9.3, 9.4, 9.5, 10.3, 10.6: only admins and owners change affiliations
            return refuse(Condition.FORBIDDEN, "Only the room's admins and owners change affiliations");
        }
        if (to == Affiliation.OUTCAST && item.self()) {
            // 9.1: an admin or owner cannot ban themselves
            return refuse(Condition.CONFLICT, "You cannot ban yourself");
        }
        if (item.targetAffiliation() == Affiliation.OWNER && to != Affiliation.OWNER && owner
                && requester.owners() <= 1) {
            // 10.6, 10.7: a room keeps at least one owner
            return refuse(Condition.CONFLICT, "The room's only owner stays owner");
        }
        if ((to == Affiliation.OWNER || to == Affiliation.ADMIN) && !owner) {
            // 10.3, 10.6: only owners edit the owner and admin lists
            return refuse(Condition.FORBIDDEN, "Only the room's owners grant admin or owner");
        }
        if ((item.targetAffiliation() == Affiliation.OWNER || item.targetAffiliation() == Affiliation.ADMIN) && !owner
                && !item.self()) {
            // 9.1, 9.4: an admin cannot change an admin's or an owner's affiliation
            return refuse(Condition.NOT_ALLOWED, "An admin cannot change the affiliation of an admin or owner");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> role(Requester requester, Item item) {
        boolean adminOrOwner = requester.affiliation() == Affiliation.OWNER
                || requester.affiliation() == Affiliation.ADMIN;
        if (!"moderator".equals(requester.role())) {
            // 8.2, 8.4, 8.5: only moderators kick and change voice
            return refuse(Condition.FORBIDDEN, "Only the room's moderators change roles");
        }
        if ("moderator".equals(item.newRole()) && !adminOrOwner) {
            // 9.6: only admins and owners grant moderator status
            return refuse(Condition.FORBIDDEN, "Only the room's admins and owners grant moderator status");
        }
        boolean targetAdminOrOwner = item.targetAffiliation() == Affiliation.OWNER
                || item.targetAffiliation() == Affiliation.ADMIN;
        if (targetAdminOrOwner && !"moderator".equals(item.newRole())) {
            // 8.2, 8.4, 9.7: an admin or owner is not kicked, silenced, nor stripped of moderator status
            return refuse(Condition.NOT_ALLOWED, "An admin's or owner's role cannot be lowered");
        }
        if ("moderator".equals(item.targetRole()) && !"moderator".equals(item.newRole()) && !adminOrOwner) {
            // 9.7: only admins and owners revoke moderator status
            return refuse(Condition.FORBIDDEN, "Only the room's admins and owners revoke moderator status");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(Condition c, String text) {
        return Optional.of(new Refusal(c, text));
    }
}
