package net.bluemind.xmpp.archive.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.bluemind.xmpp.archive.ArchivedMessage;
import net.bluemind.xmpp.archive.mam.XmlElement;
import net.bluemind.xmpp.archive.query.ArchivePage;
import net.bluemind.xmpp.archive.query.ArchiveQuery;
import net.bluemind.xmpp.archive.query.ArchiveSearch;
import net.bluemind.xmpp.archive.query.ArchiveUnavailableException;
import net.bluemind.xmpp.archive.query.Cursor;
import org.junit.jupiter.api.Test;

/** The join history's limits and rendering; the ES search under it is tested in RoomHistoryOnJoinE2eIT. */
class JoinHistoryTest {

    private static final String ROOM = "team@conference.acme.test";
    private final List<ArchiveQuery> asked = new ArrayList<>();
    private boolean down;

    private final ArchiveSearch search = new ArchiveSearch() {
        @Override
        public ArchivePage find(ArchiveQuery q) throws ArchiveUnavailableException {
            asked.add(q);
            if (down) {
                throw new ArchiveUnavailableException("es down", null);
            }
            return new ArchivePage(List.of(
                    new ArchivedMessage("0000000003e8aaaaaaaa00000001", 1000, "alice@acme.test", ROOM, "first", List.of(ROOM),
                            "groupchat", null, "a1"),
                    new ArchivedMessage("0000000007d0aaaaaaaa00000002", 2000, "bob@other.test", ROOM, "second <&>",
                            List.of(ROOM), "groupchat", null, null)), 2, true);
        }

        @Override
        public boolean hasSentTo(String user, String room) {
            return false;
        }
    };
    private final JoinHistory history = new JoinHistory(search, () -> 100_000L);

    @Test
    void newestMessagesOfTheRoomOldestFirstWithDelayAndArchiveId() throws Exception {
        List<XmlElement> out = history.messages(ROOM, "carol@acme.test/gajim", new HistoryRequest(null, null, null, null, 50));

        assertThat(asked).singleElement().satisfies(q -> {
            assertThat(q.owner()).isEqualTo(ROOM);
            assertThat(q.cursor()).isEqualTo(new Cursor.Last());
            assertThat(q.max()).isEqualTo(50);
            assertThat(q.start()).isNull();
        });
        assertThat(out).extracting(m -> m.attribute("from")).containsExactly(ROOM + "/alice", ROOM + "/bob");
        XmlElement first = out.get(0);
        assertThat(first.attribute("to")).isEqualTo("carol@acme.test/gajim");
        assertThat(first.attribute("type")).isEqualTo("groupchat");
        assertThat(first.attribute("id")).isEqualTo("a1");
        assertThat(first.child("body", null).orElseThrow().text()).isEqualTo("first");
        XmlElement delay = first.child("delay", "urn:xmpp:delay").orElseThrow();
        assertThat(delay.attribute("stamp")).isEqualTo("1970-01-01T00:00:01Z");
        assertThat(delay.attribute("from")).isEqualTo(ROOM);
        XmlElement sid = first.child("stanza-id", "urn:xmpp:sid:0").orElseThrow();
        assertThat(sid.attribute("by")).isEqualTo(ROOM);
        assertThat(sid.attribute("id")).isEqualTo("0000000003e8aaaaaaaa00000001");
        assertThat(out.get(1).attribute("id")).isNull();
        assertThat(out.get(1).child("body", null).orElseThrow().text()).isEqualTo("second <&>");
    }

    @Test
    void maxCharsZeroSendsNothingAndAsksNothing() throws Exception {
        assertThat(history.messages(ROOM, "carol@acme.test/c", new HistoryRequest(0, 10, null, null, 50))).isEmpty();
        assertThat(history.messages(ROOM, "carol@acme.test/c", new HistoryRequest(null, 0, null, null, 50))).isEmpty();
        assertThat(history.messages(ROOM, "carol@acme.test/c", new HistoryRequest(null, null, null, null, 0))).isEmpty();
        assertThat(asked).isEmpty();
    }

    @Test
    void theArchiveBeingDownIsTheCallersToHandle() {
        down = true;
        assertThatThrownBy(() -> history.messages(ROOM, "carol@acme.test/c", new HistoryRequest(null, null, null, null, 5)))
                .isInstanceOf(ArchiveUnavailableException.class);
    }

    @Test
    void requestLimits() {
        assertThat(new HistoryRequest(null, 5, null, null, 50).max()).isEqualTo(5);
        assertThat(new HistoryRequest(null, 500, null, null, 50).max()).as("never above the room's limit").isEqualTo(50);
        assertThat(new HistoryRequest(null, -3, null, null, 50).max()).isZero();
        assertThat(new HistoryRequest(null, null, null, null, null).max()).isEqualTo(HistoryRequest.DEFAULT_LIMIT);
        assertThat(new HistoryRequest(300, null, null, null, 50).max()).as("maxchars is cut by the adapter").isEqualTo(50);
        assertThat(new HistoryRequest(null, null, 60, null, 50).start(100_000)).isEqualTo(40_000);
        assertThat(new HistoryRequest(null, null, 60, 50_000L, 50).start(100_000)).as("the later bound").isEqualTo(50_000);
        assertThat(new HistoryRequest(null, null, 60, 10_000L, 50).start(100_000)).isEqualTo(40_000);
        assertThat(new HistoryRequest(null, null, null, 10_000L, 50).start(100_000)).isEqualTo(10_000);
        assertThat(new HistoryRequest(null, null, null, null, 50).start(100_000)).isNull();
    }
}
