package net.bluemind.xmpp.archive.room;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** XEP-0313 section 5 as this server applies it: the room's own configuration and the user's affiliation. */
class RoomAccessRuleTest {

    private static RoomFacts open(Affiliation a, boolean occupant) {
        return new RoomFacts(false, false, true, a, occupant);
    }

    private static RoomFacts membersOnly(Affiliation a, boolean occupant) {
        return new RoomFacts(true, false, true, a, occupant);
    }

    @Test
    void anOpenRoomIsReadByAnyoneAllowedToJoinEvenWithoutHavingJoinedOrSpoken() {
        assertThat(RoomAccessRule.mayRead(open(Affiliation.NONE, false))).isTrue();
        assertThat(RoomAccessRule.mayRead(open(Affiliation.NONE, true))).isTrue();
        assertThat(RoomAccessRule.mayRead(open(Affiliation.MEMBER, false))).isTrue();
    }

    @Test
    void aMembersOnlyRoomIsReadByMembersAdminsAndOwnersOnly() {
        assertThat(RoomAccessRule.mayRead(membersOnly(Affiliation.MEMBER, false))).isTrue();
        assertThat(RoomAccessRule.mayRead(membersOnly(Affiliation.ADMIN, false))).isTrue();
        assertThat(RoomAccessRule.mayRead(membersOnly(Affiliation.OWNER, false))).isTrue();
        assertThat(RoomAccessRule.mayRead(membersOnly(Affiliation.NONE, false))).isFalse();
    }

    @Test
    void outcastsAreRefusedEverywhereEvenIfStillListedAsOccupants() {
        assertThat(RoomAccessRule.mayRead(open(Affiliation.OUTCAST, false))).isFalse();
        assertThat(RoomAccessRule.mayRead(open(Affiliation.OUTCAST, true))).isFalse();
        assertThat(RoomAccessRule.mayRead(membersOnly(Affiliation.OUTCAST, false))).isFalse();
    }

    @Test
    void aPasswordRoomIsReadByItsOccupantsAndMembersNotByPassersBy() {
        assertThat(RoomAccessRule.mayRead(new RoomFacts(false, true, true, Affiliation.NONE, false))).isFalse();
        assertThat(RoomAccessRule.mayRead(new RoomFacts(false, true, true, Affiliation.NONE, true))).isTrue();
        assertThat(RoomAccessRule.mayRead(new RoomFacts(false, true, true, Affiliation.MEMBER, false))).isTrue();
    }

    @Test
    void affiliationNamesFromTheMucComponent() {
        assertThat(Affiliation.of("owner")).isEqualTo(Affiliation.OWNER);
        assertThat(Affiliation.of("outcast")).isEqualTo(Affiliation.OUTCAST);
        assertThat(Affiliation.of("MEMBER")).isEqualTo(Affiliation.MEMBER);
        assertThat(Affiliation.of("something-new")).isEqualTo(Affiliation.NONE);
        assertThat(Affiliation.of(null)).isEqualTo(Affiliation.NONE);
    }
}
