package net.bluemind.xmpp.common.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BusEventParserTest {

    private static BusEvent parse(String body) {
        return BusEventParser.parse(BusEvent.DIRECTORY, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsOperationAndStringProperties() {
        BusEvent e = parse("{\"operation\":\"user.updated\",\"domain\":\"acme.test\",\"uid\":\"u1\"}");
        assertThat(e.exchange()).isEqualTo(BusEvent.DIRECTORY);
        assertThat(e.operation()).isEqualTo("user.updated");
        assertThat(e.properties()).containsExactlyInAnyOrderEntriesOf(
                Map.of("operation", "user.updated", "domain", "acme.test", "uid", "u1"));
        assertThat(e.property("uid")).contains("u1");
    }

    @Test
    void takesScalarsAsTextAndLeavesOutNestedValues() {
        BusEvent e = parse("{\"operation\":\"x\",\"n\":12,\"b\":true,\"o\":{\"a\":1},\"a\":[1],\"z\":null}");
        assertThat(e.properties()).containsEntry("n", "12").containsEntry("b", "true")
                .doesNotContainKeys("o", "a", "z");
    }

    @Test
    void unknownOperationsAreStillEvents() {
        assertThat(parse("{\"operation\":\"calendar.changed\"}").operation()).isEqualTo("calendar.changed");
    }

    @Test
    void rejectsBodiesThatAreNotTheContractShape() {
        assertThatThrownBy(() -> parse("not json")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> parse("[1,2]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> parse("\"operation\"")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> parse("")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> parse("{\"domain\":\"acme.test\"}")).hasMessageContaining("no 'operation'");
        assertThatThrownBy(() -> parse("{\"operation\":\"  \"}")).hasMessageContaining("no 'operation'");
        assertThatThrownBy(() -> parse("{\"operation\":{\"a\":1}}")).hasMessageContaining("no 'operation'");
        assertThatThrownBy(() -> BusEventParser.parse(BusEvent.SYSTEM, new byte[] {(byte) 0xff, 0x00, 0x7b}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
