package net.bluemind.xmpp.archive.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import net.bluemind.xmpp.archive.ArchiveId;
import net.bluemind.xmpp.archive.ArchivedMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spool's journal on the real filesystem: replay, reclaim, limits, and what a crash or a bad disk leaves. */
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

    /** Every message a spool opened on {@code d} would replay, in order. */
    static List<String> replayed(Path d) throws IOException {
        Spool s = new Spool(d, 1 << 26);
        List<String> out = new ArrayList<>();
        for (Segment seg : s.pending()) {
            s.read(seg).forEach(m -> out.add(m.id()));
        }
        s.close();
        return out;
    }

    static List<Path> journalFiles(Path d) throws IOException {
        try (Stream<Path> l = Files.list(d)) {
            return l.filter(p -> JournalFile.numberOf(p) >= 0).sorted().toList();
        }
    }

    @Test
    void whatWasAppendedIsReplayedInOrderAfterACrash() throws Exception {
        Spool spool = new Spool(dir, 1 << 20);
        List<EncodedMessage> b1 = batch(0, 3);
        List<EncodedMessage> b2 = batch(3, 2);
        EncodedMessage one = msg(5);
        spool.append(b1);
        spool.append(b2);
        assertThat(spool.appendDurably(one, Long.MAX_VALUE)).isTrue();
        // no close: what a kill -9 leaves
        Spool reopened = new Spool(dir, 1 << 20);
        assertThat(reopened.bytes()).isEqualTo(spool.bytes());
        List<String> ids = new ArrayList<>();
        for (Segment s : reopened.pending()) {
            reopened.read(s).forEach(m -> ids.add(m.id()));
        }
        List<String> expected = new ArrayList<>(ids(b1));
        expected.addAll(ids(b2));
        expected.add(one.id());
        assertThat(ids).containsExactlyElementsOf(expected);
        assertThat(reopened.read(reopened.pending().get(0)).get(0).decode().message()).isEqualTo("message 0 é\n\"quoted\"");
        Segment later = reopened.append(batch(6, 1));
        assertThat(reopened.pending()).last().isEqualTo(later);
        assertThat(later.path()).as("a new start never appends to the files it found").isNotEqualTo(reopened.pending().get(0).path());
    }

    @Test
    void capturesAppendedOneByOneAreSentAsOneSegment() throws Exception {
        Spool spool = new Spool(dir, 1 << 20);
        List<EncodedMessage> five = batch(0, 5);
        for (EncodedMessage m : five) {
            assertThat(spool.appendDurably(m, Long.MAX_VALUE)).isTrue();
        }
        List<Segment> pending = spool.pending();
        assertThat(pending).hasSize(1);
        assertThat(spool.read(pending.get(0))).extracting(EncodedMessage::id).containsExactlyElementsOf(ids(five));
        assertThat(spool.appendDurably(msg(5), Long.MAX_VALUE)).isTrue();
        assertThat(spool.pending()).as("what came after the sender took its segments is a new one").hasSize(2);
    }

    @Test
    void aFileIsDeletedOnceFullAndAcknowledged() throws Exception {
        Spool spool = new Spool(dir, 1 << 24, 8192);
        for (int i = 0; i < 40; i++) {
            spool.append(batch(i * 3, 3)); // about 1.2 KB each: several files
        }
        assertThat(journalFiles(dir).size()).isGreaterThan(3);
        for (Segment s : spool.pending()) {
            spool.remove(s);
        }
        assertThat(spool.bytes()).isZero();
        assertThat(journalFiles(dir)).as("only the file still written to is left").hasSize(1);
        spool.close();
        assertThat(journalFiles(dir)).isEmpty();
        assertThat(replayed(dir)).isEmpty();
    }

    @Test
    void replaceKeepsWhatIsLeftAndAReplayMaySendTheAcknowledgedAgainButLosesNothing() throws Exception {
        Spool spool = new Spool(dir, 1 << 20);
        List<EncodedMessage> four = batch(0, 4);
        Segment s = spool.append(four);
        Segment kept = spool.replace(s, List.of(four.get(2)));
        assertThat(spool.read(kept)).extracting(EncodedMessage::id).containsExactly(four.get(2).id());
        assertThat(spool.pending()).containsExactly(kept);
        assertThat(spool.bytes()).isEqualTo(kept.bytes());
        // a crash now: the first record's file is still there; its acknowledged documents come back under their ids
        assertThat(replayed(dir)).contains(four.get(2).id()).allMatch(id -> ids(four).contains(id));
        spool.remove(kept);
        assertThat(spool.segments()).isZero();
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
        Spool tiny = new Spool(dir.resolve("tiny"), 10);
        assertThatThrownBy(() -> tiny.appendDurably(msg(1), Long.MAX_VALUE)).isInstanceOf(SpoolFullException.class)
                .hasMessageContaining("archive-spool-max");
    }

    @Test
    void aTornRecordAtTheEndIsSkippedWithALogLineAndTheRestReplayed() throws Exception {
        Spool spool = new Spool(dir, 1 << 20);
        List<EncodedMessage> four = batch(0, 4);
        spool.append(four.subList(0, 2));
        Segment last = spool.append(four.subList(2, 4));
        // a group whose write was cut by a crash: its header and half its payload reached the disk
        byte[] torn = JournalRecords.encode("{\"id\":\"never-acknowledged\"}\n{\"id\":\"x\"}\n".getBytes(StandardCharsets.UTF_8));
        writeAt(last.path(), last.offset() + last.length(), ByteBuffer.wrap(torn, 0, torn.length / 2));
        try (LogCapture log = new LogCapture(Spool.class)) {
            assertThat(replayed(dir)).containsExactlyElementsOf(ids(four));
            assertThat(log.lines()).anyMatch(l -> l.startsWith("WARNING") && l.contains("torn record at its end")
                    && l.contains("never acknowledged"));
        }
    }

    @Test
    void aCorruptRecordIsSkippedWithALogLineAndTheRecordsAfterItReplayed() throws Exception {
        Spool spool = new Spool(dir, 1 << 20);
        List<EncodedMessage> six = batch(0, 6);
        spool.append(six.subList(0, 2));
        Segment middle = spool.append(six.subList(2, 4));
        spool.append(six.subList(4, 6));
        long flip = middle.offset() + JournalRecords.HEADER + 20;
        writeAt(middle.path(), flip, ByteBuffer.wrap(new byte[] {'#'}));
        try (LogCapture log = new LogCapture(Spool.class)) {
            assertThat(replayed(dir)).containsExactlyElementsOf(ids(List.of(six.get(0), six.get(1), six.get(4), six.get(5))));
            assertThat(log.lines()).anyMatch(l -> l.startsWith("SEVERE") && l.contains("corrupt record"));
        }
    }

    @Test
    void aFileHoldingOnlyAWriteCutByACrashIsRemovedAtStart() throws Exception {
        Spool spool = new Spool(dir, 1 << 20);
        Segment only = spool.append(batch(0, 2));
        writeAt(only.path(), only.offset() + only.length() - 7, ByteBuffer.allocate(7)); // its end never reached the disk
        try (LogCapture log = new LogCapture(Spool.class)) {
            assertThat(replayed(dir)).isEmpty();
            assertThat(log.lines()).anyMatch(l -> l.startsWith("WARNING") && l.contains("torn record at its end"));
        }
        assertThat(journalFiles(dir)).isEmpty();
    }

    @Test
    void aJournalFileThatCannotBeCreatedIsAClearErrorAndLosesNothingAcknowledged() throws Exception {
        Spool spool = new Spool(dir, 1 << 24, 4096);
        List<EncodedMessage> first = batch(0, 2);
        spool.append(first);
        long next = JournalFile.numberOf(journalFiles(dir).get(0)) + 1;
        Files.createDirectory(JournalFile.pathOf(dir, next)); // the next file cannot be created
        assertThatThrownBy(() -> spool.append(batch(10, 20))).isInstanceOf(IOException.class);
        Files.delete(JournalFile.pathOf(dir, next));
        List<EncodedMessage> later = batch(40, 1);
        Segment after = spool.append(later); // the spool goes on once the disk does
        assertThat(spool.read(after)).hasSize(1);
        assertThat(replayed(dir)).containsExactly(first.get(0).id(), first.get(1).id(), later.get(0).id());
    }

    @Test
    void anUnusedPreparedFileIsRemovedAtTheNextStart() throws Exception {
        Spool spool = new Spool(dir, 1 << 20);
        spool.append(batch(0, 1));
        spool.maintain(); // prepares the next file
        assertThat(journalFiles(dir)).hasSize(2);
        assertThat(replayed(dir)).hasSize(1);
        assertThat(journalFiles(dir)).hasSize(1);
    }

    // --- spool files left by the versions before the journal (seg-<seq>.ndjson, one document a line) ---

    private Path legacyFile(long seq, List<EncodedMessage> docs, String suffix) throws IOException {
        StringBuilder b = new StringBuilder();
        for (EncodedMessage m : docs) {
            b.append(new String(m.json(), StandardCharsets.UTF_8)).append('\n');
        }
        Path p = dir.resolve(String.format("seg-%020d.ndjson", seq) + suffix);
        Files.writeString(p, b.toString());
        return p;
    }

    @Test
    void spoolFilesOfThePreviousFormatAreReplayedFirstAndDeletedOnceAcknowledged() throws Exception {
        List<EncodedMessage> four = batch(0, 4);
        Path old1 = legacyFile(3, four.subList(0, 2), "");
        Path old2 = legacyFile(4, four.subList(2, 3), "");
        Spool spool = new Spool(dir, 1 << 20);
        Segment fresh = spool.append(four.subList(3, 4));
        List<Segment> pending = spool.pending();
        assertThat(pending).hasSize(3).last().isEqualTo(fresh);
        List<String> ids = new ArrayList<>();
        for (Segment s : pending) {
            spool.read(s).forEach(m -> ids.add(m.id()));
        }
        assertThat(ids).containsExactlyElementsOf(ids(four));
        spool.remove(pending.get(0));
        assertThat(old1).doesNotExist();
        Segment left = spool.replace(pending.get(1), spool.read(pending.get(1)));
        assertThat(old2).as("a partly acknowledged old file goes on in the journal").doesNotExist();
        assertThat(spool.read(left)).extracting(EncodedMessage::id).containsExactly(four.get(2).id());
    }

    @Test
    void garbageLinesOfAnOldFileGoToDeadLettersAndTheRestIsRead() throws Exception {
        Path p = legacyFile(1, batch(0, 2), "");
        Files.writeString(p, "{not json\n" + Files.readString(p) + "[1,2]\n");
        Spool spool = new Spool(dir, 1 << 20);
        assertThat(spool.read(spool.pending().get(0))).hasSize(2);
        List<String> dead = Files.readAllLines(dir.resolve("dead-letters.ndjson"), StandardCharsets.UTF_8);
        assertThat(dead).hasSize(2).allSatisfy(l -> assertThat(l).contains("unreadable spool line"));
    }

    @Test
    void anOldCrashWhileWritingANewBatchKeepsItsCompleteLines() throws Exception {
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
    void anOldCrashWhileRewritingKeepsTheOldSegment() throws Exception {
        Path p = legacyFile(2, batch(0, 3), "");
        Files.writeString(p.resolveSibling(p.getFileName() + ".tmp"), "{\"torn");
        Spool reopened = new Spool(dir, 1 << 20);
        assertThat(reopened.read(reopened.pending().get(0))).hasSize(3);
        try (Stream<Path> l = Files.list(dir)) {
            assertThat(l.filter(f -> f.toString().endsWith(".tmp"))).isEmpty();
        }
    }

    static void writeAt(Path file, long pos, ByteBuffer b) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long p = pos;
            while (b.hasRemaining()) {
                p += ch.write(b, p);
            }
        }
    }

    static List<String> ids(List<EncodedMessage> b) {
        return b.stream().map(EncodedMessage::id).toList();
    }
}
