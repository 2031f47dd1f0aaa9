package net.bluemind.xmpp.archive.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XEP-0421 occupant ids, case by case; the stanzas on a real tigase-muc are checked by OccupantIdE2eIT. */
class OccupantIdsTest {

    private static final String ROOM = "team@conference.acme.test";
    private final OccupantIds ids = new OccupantIds("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    @Test
    void messagesAndPresencesFromAnOccupantAreConcerned() {
        assertThat(OccupantIds.concerns("message", "groupchat", ROOM + "/alice")).isTrue();
        assertThat(OccupantIds.concerns("presence", null, ROOM + "/alice")).isTrue();
        assertThat(OccupantIds.concerns("presence", "unavailable", ROOM + "/alice")).isTrue();
        assertThat(OccupantIds.concerns("message", "chat", ROOM + "/alice")).isTrue();
    }

    @Test
    void errorsTheRoomItselfAndIqsAreNot() {
        assertThat(OccupantIds.concerns("message", "error", ROOM + "/alice")).isFalse();
        assertThat(OccupantIds.concerns("presence", "error", ROOM + "/alice")).isFalse();
        assertThat(OccupantIds.concerns("message", "groupchat", ROOM)).isFalse(); // subject, status from the room
        assertThat(OccupantIds.concerns("message", "normal", "conference.acme.test/x")).isFalse();
        assertThat(OccupantIds.concerns("iq", "get", ROOM + "/alice")).isFalse();
        assertThat(OccupantIds.concerns("message", null, null)).isFalse();
    }

    @Test
    void theSameUserHasTheSameIdWhateverTheNicknameAndResource() {
        String first = ids.idFor(ROOM + "/alice", "alice@acme.test/phone").orElseThrow();
        String second = ids.idFor(ROOM + "/Alice Smith", "Alice@ACME.test/desktop").orElseThrow();
        assertThat(second).isEqualTo(first).isEqualTo(ids.of(ROOM, "alice@acme.test"));
    }

    @Test
    void anotherUserOrAnotherRoomGivesAnotherId() {
        String alice = ids.of(ROOM, "alice@acme.test");
        assertThat(ids.of(ROOM, "bob@acme.test")).isNotEqualTo(alice);
        assertThat(ids.of("other@conference.acme.test", "alice@acme.test")).isNotEqualTo(alice);
        assertThat(new OccupantIds("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII))
                .of(ROOM, "alice@acme.test")).isNotEqualTo(alice);
    }

    @Test
    void theIdIsShortAndDoesNotShowTheJid() {
        String id = ids.of(ROOM, "alice@acme.test");
        assertThat(id).hasSize(43).matches("[A-Za-z0-9_-]+").doesNotContain("alice");
    }

    @Test
    void aStanzaWithoutTheJidGetsTheIdLearnedForItsNickname() {
        assertThat(ids.idFor(ROOM + "/alice", null)).isEmpty(); // never seen
        String fromPresence = ids.idFor(ROOM + "/alice", "alice@acme.test/phone").orElseThrow();
        assertThat(ids.idFor(ROOM + "/alice", null)).contains(fromPresence);
        assertThat(ids.idFor(ROOM.toUpperCase() + "/alice", "")).contains(fromPresence);
        assertThat(ids.idFor("other@conference.acme.test/alice", null)).isEmpty();
    }

    @Test
    void aNicknameTakenOverByAnotherUserGetsTheirId() {
        ids.idFor(ROOM + "/sam", "sam@acme.test");
        ids.idFor(ROOM + "/sam", "samantha@acme.test");
        assertThat(ids.idFor(ROOM + "/sam", null)).isEqualTo(Optional.of(ids.of(ROOM, "samantha@acme.test")));
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new OccupantIds(new byte[8])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKeyIsCreatedOnceOwnerOnlyAndKept(@TempDir Path dir) throws Exception {
        byte[] first = OccupantIdKey.loadOrCreate(dir.resolve("certs"));
        Path file = dir.resolve("certs").resolve(OccupantIdKey.FILE);
        assertThat(first).hasSize(32);
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(OccupantIdKey.loadOrCreate(dir.resolve("certs"))).isEqualTo(first);
        assertThat(Files.list(dir.resolve("certs"))).containsExactly(file);
    }
}
