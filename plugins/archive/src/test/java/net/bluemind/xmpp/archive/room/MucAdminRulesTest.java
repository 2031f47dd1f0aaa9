package net.bluemind.xmpp.archive.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import net.bluemind.xmpp.archive.room.MucAdminRules.Condition;
import net.bluemind.xmpp.archive.room.MucAdminRules.Item;
import net.bluemind.xmpp.archive.room.MucAdminRules.Requester;
import org.junit.jupiter.api.Test;

/** XEP-0045's permission checks on muc#admin sets, case by case; on a real tigase-muc: MucAdminGuardE2eIT. */
class MucAdminRulesTest {

    private static final Requester OWNER = new Requester(Affiliation.OWNER, "moderator", 2);
    private static final Requester ADMIN = new Requester(Affiliation.ADMIN, "moderator", 1);
    private static final Requester MEMBER_MODERATOR = new Requester(Affiliation.MEMBER, "moderator", 1);
    private static final Requester PARTICIPANT = new Requester(Affiliation.NONE, "participant", 1);
    private static final Requester MEMBER = new Requester(Affiliation.MEMBER, "participant", 1);

    private static Optional<Condition> affiliation(Requester r, String to, Affiliation target, boolean self) {
        return MucAdminRules.check(r, List.of(new Item(to, null, target, "none", self)))
                .map(MucAdminRules.Refusal::condition);
    }

    private static Optional<Condition> role(Requester r, String to, Affiliation target, String targetRole) {
        return MucAdminRules.check(r, List.of(new Item(null, to, target, targetRole, false)))
                .map(MucAdminRules.Refusal::condition);
    }

    @Test
    void aParticipantOrMemberChangesNoAffiliationEvenOfSomebodyNotInTheRoom() {
        for (Requester r : List.of(PARTICIPANT, MEMBER, MEMBER_MODERATOR)) {
            for (String to : List.of("outcast", "none", "member", "admin", "owner")) {
                assertThat(affiliation(r, to, Affiliation.NONE, false)).as("%s -> %s", r, to).contains(Condition.FORBIDDEN);
            }
        }
    }

    @Test
    void anAdminBansAndManagesMembersButNotAdminsAndOwners() {
        assertThat(affiliation(ADMIN, "outcast", Affiliation.NONE, false)).isEmpty();
        assertThat(affiliation(ADMIN, "member", Affiliation.NONE, false)).isEmpty();
        assertThat(affiliation(ADMIN, "none", Affiliation.MEMBER, false)).isEmpty();
        assertThat(affiliation(ADMIN, "admin", Affiliation.NONE, false)).contains(Condition.FORBIDDEN);
        assertThat(affiliation(ADMIN, "owner", Affiliation.MEMBER, false)).contains(Condition.FORBIDDEN);
        assertThat(affiliation(ADMIN, "outcast", Affiliation.ADMIN, false)).contains(Condition.NOT_ALLOWED);
        assertThat(affiliation(ADMIN, "member", Affiliation.OWNER, false)).contains(Condition.NOT_ALLOWED);
    }

    @Test
    void anOwnerDoesEverythingButBanThemselves() {
        for (String to : List.of("outcast", "none", "member", "admin", "owner")) {
            assertThat(affiliation(OWNER, to, Affiliation.ADMIN, false)).as(to).isEmpty();
        }
        assertThat(affiliation(OWNER, "outcast", Affiliation.OWNER, true)).contains(Condition.CONFLICT);
        assertThat(affiliation(ADMIN, "outcast", Affiliation.ADMIN, true)).contains(Condition.CONFLICT);
        assertThat(affiliation(ADMIN, "member", Affiliation.ADMIN, true)).as("an admin stepping down").isEmpty();
    }

    @Test
    void onlyModeratorsChangeRoles() {
        for (String to : List.of("none", "visitor", "participant", "moderator")) {
            assertThat(role(PARTICIPANT, to, Affiliation.NONE, "participant")).as(to).contains(Condition.FORBIDDEN);
            assertThat(role(MEMBER, to, Affiliation.NONE, "participant")).as(to).contains(Condition.FORBIDDEN);
        }
        assertThat(role(MEMBER_MODERATOR, "none", Affiliation.NONE, "participant")).isEmpty(); // kick
        assertThat(role(MEMBER_MODERATOR, "visitor", Affiliation.NONE, "participant")).isEmpty();
        assertThat(role(MEMBER_MODERATOR, "participant", Affiliation.NONE, "visitor")).isEmpty();
    }

    @Test
    void moderatorStatusIsGrantedAndRevokedByAdminsAndOwnersOnlyAndNeverFromThem() {
        assertThat(role(MEMBER_MODERATOR, "moderator", Affiliation.NONE, "participant")).contains(Condition.FORBIDDEN);
        assertThat(role(ADMIN, "moderator", Affiliation.NONE, "participant")).isEmpty();
        assertThat(role(MEMBER_MODERATOR, "participant", Affiliation.NONE, "moderator")).contains(Condition.FORBIDDEN);
        assertThat(role(MEMBER_MODERATOR, "participant", Affiliation.OWNER, "moderator")).contains(Condition.NOT_ALLOWED);
        assertThat(role(ADMIN, "participant", Affiliation.MEMBER, "moderator")).isEmpty();
        assertThat(role(ADMIN, "participant", Affiliation.ADMIN, "moderator")).contains(Condition.NOT_ALLOWED);
        assertThat(role(OWNER, "visitor", Affiliation.OWNER, "moderator")).contains(Condition.NOT_ALLOWED);
    }

    @Test
    void theFirstRefusedItemOfSeveralIsTheAnswer() {
        assertThat(MucAdminRules.check(ADMIN, List.of(new Item("member", null, Affiliation.NONE, "none", false),
                new Item("admin", null, Affiliation.NONE, "none", false)))).map(MucAdminRules.Refusal::condition)
                .contains(Condition.FORBIDDEN);
        assertThat(MucAdminRules.check(ADMIN, List.of())).isEmpty();
    }

    @Test
    void theRoomsOnlyOwnerStaysOwner() {
        Requester onlyOwner = new Requester(Affiliation.OWNER, "moderator", 1);
        assertThat(affiliation(onlyOwner, "admin", Affiliation.OWNER, true)).contains(Condition.CONFLICT);
        assertThat(affiliation(onlyOwner, "none", Affiliation.OWNER, true)).contains(Condition.CONFLICT);
        assertThat(affiliation(OWNER, "none", Affiliation.OWNER, true)).as("one of two owners steps down").isEmpty();
        assertThat(affiliation(onlyOwner, "owner", Affiliation.NONE, false)).isEmpty();
    }

    @Test
    void aModeratorKicksOrSilencesNoAdminOrOwner() {
        assertThat(role(MEMBER_MODERATOR, "none", Affiliation.OWNER, "moderator")).contains(Condition.NOT_ALLOWED);
        assertThat(role(MEMBER_MODERATOR, "visitor", Affiliation.ADMIN, "moderator")).contains(Condition.NOT_ALLOWED);
        assertThat(role(ADMIN, "none", Affiliation.OWNER, "moderator")).contains(Condition.NOT_ALLOWED);
        assertThat(role(ADMIN, "none", Affiliation.MEMBER, "participant")).isEmpty();
    }
}
