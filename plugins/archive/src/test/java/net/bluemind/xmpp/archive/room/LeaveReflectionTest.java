package net.bluemind.xmpp.archive.room;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LeaveReflectionTest {

    private static final String ROOM = "room@conference.example.test";
    private static final String LEAVER = "ann@example.test/phone";

    @Test
    void aLeaveRequestIsAnUnavailablePresenceToAnOccupantAddressWithAnId() {
        assertThat(LeaveReflection.requestId("presence", "unavailable", ROOM + "/ann", "x1")).isEqualTo("x1");
    }

    @Test
    void otherStanzasToTheRoomAreNoLeaveRequests() {
        assertThat(LeaveReflection.requestId("presence", null, ROOM + "/ann", "x1")).as("a join").isNull();
        assertThat(LeaveReflection.requestId("presence", "unavailable", ROOM, "x1")).as("to the bare room").isNull();
        assertThat(LeaveReflection.requestId("presence", "unavailable", ROOM + "/ann", null)).as("no id to reflect").isNull();
        assertThat(LeaveReflection.requestId("presence", "unavailable", ROOM + "/ann", "")).as("an empty id").isNull();
        assertThat(LeaveReflection.requestId("message", "unavailable", ROOM + "/ann", "x1")).as("a message").isNull();
        assertThat(LeaveReflection.requestId("presence", "unavailable", null, "x1")).as("no address").isNull();
    }

    @Test
    void onlyTheLeaversOwnUnavailablePresenceWithoutAnIdAnswersIt() {
        assertThat(LeaveReflection.answers("presence", "unavailable", LEAVER, LEAVER, null)).isTrue();
        assertThat(LeaveReflection.answers("presence", "unavailable", "ben@example.test/desk", LEAVER, null))
                .as("the other occupants' notice of the departure").isFalse();
        assertThat(LeaveReflection.answers("presence", "unavailable", "ann@example.test/desk", LEAVER, null))
                .as("another device of the leaver").isFalse();
        assertThat(LeaveReflection.answers("presence", "unavailable", LEAVER, LEAVER, "own"))
                .as("an id tigase-muc gave is kept").isFalse();
        assertThat(LeaveReflection.answers("presence", null, LEAVER, LEAVER, null)).as("available").isFalse();
        assertThat(LeaveReflection.answers("message", "unavailable", LEAVER, LEAVER, null)).isFalse();
    }
}
