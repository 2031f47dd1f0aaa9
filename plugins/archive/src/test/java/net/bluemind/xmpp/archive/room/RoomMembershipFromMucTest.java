package net.bluemind.xmpp.archive.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.bluemind.xmpp.archive.mam.RoomMembership;
import net.bluemind.xmpp.archive.query.ArchiveUnavailableException;
import org.junit.jupiter.api.Test;

class RoomMembershipFromMucTest {

    private final List<String> fallbackAsked = new ArrayList<>();
    private final RoomMembership participants = (user, room) -> {
        fallbackAsked.add(user + " " + room);
        return user.startsWith("sender");
    };

    private static RoomDirectory directory(RoomLookup answer) {
        return new RoomDirectory() {
            @Override
            public boolean hosts(String jid) {
                return answer.kind() != RoomLookup.Kind.NOT_HOSTED_HERE;
            }

            @Override
            public RoomLookup lookup(String room, String user) throws RoomDirectoryException {
                if (room.startsWith("broken")) {
                    throw new RoomDirectoryException("muc store down", null);
                }
                return answer;
            }

            @Override
            public Optional<String> realJid(String occupant) {
                return Optional.empty();
            }
        };
    }

    @Test
    void aRoomHostedHereIsDecidedByItsOwnRulesNotByWhoSpoke() throws Exception {
        RoomMembership open = new RoomMembershipFromMuc(directory(RoomLookup.found(
                new RoomFacts(false, false, true, Affiliation.NONE, false))), participants);
        assertThat(open.mayRead("silent@acme.test", "room@conference.acme.test")).isTrue();
        RoomMembership closed = new RoomMembershipFromMuc(directory(RoomLookup.found(
                new RoomFacts(true, false, true, Affiliation.NONE, false))), participants);
        assertThat(closed.mayRead("sender@acme.test", "room@conference.acme.test"))
                .as("having spoken once does not outlive losing membership").isFalse();
        assertThat(fallbackAsked).isEmpty();
    }

    @Test
    void aRoomServiceWithoutThatRoomRefuses() throws Exception {
        RoomMembership m = new RoomMembershipFromMuc(directory(RoomLookup.NO_SUCH_ROOM), participants);
        assertThat(m.mayRead("sender@acme.test", "gone@conference.acme.test")).isFalse();
        assertThat(fallbackAsked).isEmpty();
    }

    @Test
    void roomsNotHostedHereKeepTheParticipantRule() throws Exception {
        RoomMembership m = new RoomMembershipFromMuc(RoomDirectory.NONE, participants);
        assertThat(m.mayRead("sender@acme.test", "room@muc.remote.test")).isTrue();
        assertThat(m.mayRead("other@acme.test", "room@muc.remote.test")).isFalse();
        assertThat(fallbackAsked).hasSize(2);
    }

    @Test
    void aRoomServiceThatCannotAnswerIsATemporaryFailureNotARefusal() {
        RoomMembership m = new RoomMembershipFromMuc(directory(RoomLookup.NO_SUCH_ROOM), participants);
        assertThatThrownBy(() -> m.mayRead("a@acme.test", "broken@conference.acme.test"))
                .isInstanceOf(ArchiveUnavailableException.class).hasMessageContaining("broken@conference.acme.test");
    }
}
