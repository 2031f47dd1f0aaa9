package net.bluemind.xmpp.archive.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.bluemind.xmpp.archive.ArchivedMessage;
import org.junit.jupiter.api.Test;

/** The document JSON (spool line and ES source) with the room nick, and spool lines written before it existed. */
class EncodedMessageTest {

    private static final String ROOM = "team@conference.acme.test";

    @Test
    void theRoomNickIsPartOfTheDocumentAndComesBack() throws Exception {
        ArchivedMessage m = new ArchivedMessage("0000000003e8aaaaaaaa00000001", 1000, "alice@acme.test", ROOM, "hi",
                List.of(ROOM), "groupchat", null, "o1").withNick("Alice (support)");
        EncodedMessage e = EncodedMessage.of(m);
        assertThat(new ObjectMapper().readTree(e.json()).fieldNames()).toIterable().containsExactly("id", "timecreate",
                "from", "to", "message", "owners", "type", "thread", "originid", "nick", "fromresource", "toresource");
        assertThat(e.decode()).isEqualTo(m);
        assertThat(e.decode().shownNick()).isEqualTo("Alice (support)");
    }

    @Test
    void theResourcesArePartOfTheDocumentAndComeBack() {
        ArchivedMessage m = new ArchivedMessage("0000000003e8aaaaaaaa00000002", 1000, "alice@acme.test", "bob@acme.test", "hi",
                List.of("alice@acme.test", "bob@acme.test"), "chat", null, "o2").withResources("phone", "pc");
        ArchivedMessage back = EncodedMessage.parse(EncodedMessage.of(m).json()).decode();
        assertThat(back).isEqualTo(m);
        assertThat(back.fullFrom()).isEqualTo("alice@acme.test/phone");
        assertThat(back.fullTo()).isEqualTo("bob@acme.test/pc");
    }

    @Test
    void aLineSpooledBeforeNicksWereKeptIsShownUnderTheSendersLocalPart() {
        String old = "{\"id\":\"0000000003e8aaaaaaaa00000001\",\"timecreate\":1000,\"from\":\"alice@acme.test\",\"to\":\""
                + ROOM + "\",\"message\":\"hi\",\"owners\":[\"" + ROOM + "\"],\"type\":\"groupchat\",\"thread\":null,"
                + "\"originid\":null}";
        ArchivedMessage m = EncodedMessage.parse(old.getBytes(StandardCharsets.UTF_8)).decode();
        assertThat(m.nick()).isNull();
        assertThat(m.shownNick()).isEqualTo("alice");
        assertThat(m.fullFrom()).isEqualTo("alice@acme.test");
    }

    @Test
    void aDocumentWithFieldsOfANewerVersionIsStillRead() {
        String newer = "{\"id\":\"0000000003e8aaaaaaaa00000001\",\"timecreate\":1000,\"from\":\"alice@acme.test\",\"to\":"
                + "\"bob@acme.test\",\"message\":\"hi\",\"owners\":[\"bob@acme.test\"],\"type\":\"chat\",\"thread\":null,"
                + "\"originid\":null,\"nick\":null,\"added-by-a-later-version\":{\"any\":[1,2]}}";
        assertThat(EncodedMessage.parse(newer.getBytes(StandardCharsets.UTF_8)).decode().message()).isEqualTo("hi");
    }
}
