package net.bluemind.xmpp.archive.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import net.bluemind.xmpp.archive.ArchiveId;
import net.bluemind.xmpp.archive.ArchivedMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {

    @TempDir
    Path dir;

    static final ArchiveId IDS = new ArchiveId();

    static EncodedMessage msg(int i) {
        return EncodedMessage.of(new ArchivedMessage(IDS.next(1000 + i), 1000 + i, "a@acme.test", "b@acme.test",
                "message " + i + " é\n\"quoted\"", List.of("a@acme.test", "b@acme.test"), "chat", null, "o" + i));
    }

    static List<EncodedMessage> batch(int from, int n) {
        return IntStream.range(from, from + n).mapToObj(SpoolTest::msg).toList();
    }

    @Test
    void batchesSurviveAReopenInOrder() throws Exception {
        Spool spool = new Spool(dir, 1 << 20);
        List<EncodedMessage> b1 = batch(0, 3);
        List<EncodedMessage> b2 = batch(3, 2);
        spool.append(b1);
        spool.append(b2);

        Spool reopened = new Spool(dir, 1 << 20);
        assertThat(reopened.segments()).isEqualTo(2);
        assertThat(reopened.bytes()).isEqualTo(spool.bytes());
        List<Segment> pending = reopened.pending();
        assertThat(reopened.read(pending.get(0))).extracting(EncodedMessage::id).containsExactlyElementsOf(ids(b1));
        assertThat(reopened.read(pending.get(1))).extracting(EncodedMessage::id).containsExactlyElementsOf(ids(b2));
        assertThat(reopened.read(pending.get(0)).get(0).decode().message()).isEqualTo("message 0 é\n\"quoted\"");
        // a new batch after the reopen sorts after the recovered ones
        Segment s3 = reopened.append(batch(5, 1));
        assertThat(reopened.pending()).last().isEqualTo(s3);
    }

    @Test
    void removeAndReplaceKeepTheSizeRight() throws Exception {
        Spool spool = new Spool(dir, 1 << 20);
        Segment s = spool.append(batch(0, 4));
        Segment kept = spool.replace(s, batch(1, 1));
        assertThat(spool.read(kept)).hasSize(1);
        assertThat(spool.bytes()).isEqualTo(Files.size(kept.path()));
        spool.remove(kept);
        assertThat(spool.bytes()).isZero();
        assertThat(spool.segments()).isZero();
        assertThat(new Spool(dir, 1 << 20).segments()).isZero();
    }

    @Test
    void fullSpoolRefusesWithTheSettingNamed() throws Exception {
        Spool spool = new Spool(dir, 1 << 20);
        List<EncodedMessage> big = batch(0, 3000);
        spool.append(big);
        assertThatThrownBy(() -> {
            for (int i = 0; i < 100; i++) {
                spool.append(big);
            }
        }).isInstanceOf(SpoolFullException.class).hasMessageContaining("archive-spool-max");
        assertThat(spool.bytes()).isLessThanOrEqualTo(1 << 20);
    }

    @Test
    void garbageLinesGoToDeadLettersAndTheRestIsRead() throws Exception {
        Spool spool = new Spool(dir, 1 << 20);
        Segment s = spool.append(batch(0, 2));
        String content = Files.readString(s.path());
        Files.writeString(s.path(), "{not json\n" + content + "[1,2]\n");
        List<EncodedMessage> read = new Spool(dir, 1 << 20).read(s);
        assertThat(read).hasSize(2);
        List<String> dead = Files.readAllLines(dir.resolve("dead-letters.ndjson"), StandardCharsets.UTF_8);
        assertThat(dead).hasSize(2).allSatisfy(l -> assertThat(l).contains("unreadable spool line"));
    }

    @Test
    void aCrashWhileWritingANewBatchKeepsItsCompleteLines() throws Exception {
        new Spool(dir, 1 << 20);
        List<EncodedMessage> b = batch(0, 2);
        String full = new String(b.get(0).json(), StandardCharsets.UTF_8) + "\n" + new String(b.get(1).json(),
                StandardCharsets.UTF_8).substring(0, 10);
        Files.writeString(dir.resolve("seg-00000000000000000007.ndjson.tmp"), full);
        Spool reopened = new Spool(dir, 1 << 20);
        assertThat(reopened.segments()).isEqualTo(1);
        assertThat(reopened.read(reopened.pending().get(0))).extracting(EncodedMessage::id).containsExactly(b.get(0).id());
        assertThat(reopened.deadLetters().count()).isEqualTo(1);
    }

    @Test
    void aCrashWhileRewritingKeepsTheOldSegment() throws Exception {
        Spool spool = new Spool(dir, 1 << 20);
        Segment s = spool.append(batch(0, 3));
        Files.writeString(s.path().resolveSibling(s.path().getFileName() + ".tmp"), "{\"torn");
        Spool reopened = new Spool(dir, 1 << 20);
        assertThat(reopened.read(reopened.pending().get(0))).hasSize(3);
        assertThat(Files.list(dir).filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
    }

    private static List<String> ids(List<EncodedMessage> b) {
        return b.stream().map(EncodedMessage::id).toList();
    }
}
