package net.bluemind.xmpp.vcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoomPresenceOrderTest {

    record Child(String name, String xmlns) {
    }

    private static final Child SHOW = new Child("show", null);
    private static final Child CAPS = new Child("c", "http://jabber.org/protocol/caps");
    private static final Child STAMP = new Child("x", "vcard-temp:x:update");
    private static final Child MUC_USER = new Child("x", RoomPresenceOrder.MUC_USER);
    private static final Child OCCUPANT_ID = new Child("occupant-id", "urn:xmpp:occupant-id:0");

    private static List<Child> order(Child... children) {
        return RoomPresenceOrder.mucUserFirst(List.of(children), Child::name, Child::xmlns);
    }

    @Test
    void theRoomsMucUserMovesBeforeTheAvatarStampTigaseMucCopiedFromTheJoinPresence() {
        // tigase-muc 3.4.0's self-presence to a creator whose join got the bundle's stamp
        assertThat(order(STAMP, MUC_USER)).containsExactly(MUC_USER, STAMP);
        assertThat(order(SHOW, CAPS, STAMP, MUC_USER)).as("only the <x> order changes")
                .containsExactly(SHOW, CAPS, MUC_USER, STAMP);
        assertThat(order(SHOW, STAMP, CAPS, MUC_USER, OCCUPANT_ID)).as("muc#user takes the first <x>'s place")
                .containsExactly(SHOW, MUC_USER, STAMP, CAPS, OCCUPANT_ID);
    }

    @Test
    void severalOtherXsAllComeAfterMucUser() {
        Child data = new Child("x", "jabber:x:data");
        assertThat(order(STAMP, data, MUC_USER)).containsExactly(MUC_USER, STAMP, data);
    }

    @Test
    void aPresenceAlreadyInOrderOrNotFromARoomIsLeftAlone() {
        assertThat(order(MUC_USER, STAMP)).isNull();
        assertThat(order(SHOW, MUC_USER, STAMP)).as("other children before it are not <x>").isNull();
        assertThat(order(SHOW, STAMP)).as("a contact's presence").isNull();
        assertThat(order(new Child("x", "http://jabber.org/protocol/muc"), STAMP))
                .as("a join presence (muc, not muc#user)").isNull();
        assertThat(order()).isNull();
    }

    @Test
    void anXNamedLikeMucUserInAnotherElementIsNotMoved() {
        assertThat(order(STAMP, new Child("item", RoomPresenceOrder.MUC_USER))).isNull();
    }
}
