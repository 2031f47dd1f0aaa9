package net.bluemind.xmpp.archive.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The journal's record format read back from what a crash or a bad disk can leave. */
class JournalRecordsTest {

    private static final byte[] A = JournalRecords.encode("{\"a\":1}\n".getBytes(StandardCharsets.UTF_8));
    private static final byte[] B = JournalRecords.encode("{\"b\":22}\n".getBytes(StandardCharsets.UTF_8));

    /** A preallocated file of {@code size} zeros with {@code parts} written from its start. */
    private static ByteBuffer file(int size, byte[]... parts) {
        ByteBuffer b = ByteBuffer.allocate(size);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b;
    }

    @Test
    void recordsEndAtThePreallocatedZeros() {
        JournalRecords.Scan s = JournalRecords.scan(file(256, A, B), 0, 256);
        assertThat(s.records()).extracting(JournalRecords.Found::offset).containsExactly(0L, (long) A.length);
        assertThat(s.skipped()).isEmpty();
        assertThat(s.end()).isEqualTo(A.length + B.length);
    }

    @Test
    void aPartialLastRecordIsSkippedAsATornEnd() {
        byte[] half = java.util.Arrays.copyOf(B, B.length - 3);
        JournalRecords.Scan s = JournalRecords.scan(file(256, A, half), 0, 256);
        assertThat(s.records()).hasSize(1);
        assertThat(s.skipped()).singleElement().satisfies(k -> {
            assertThat(k.atEnd()).isTrue();
            assertThat(k.offset()).isEqualTo(A.length);
            assertThat(k.length()).isEqualTo(half.length);
        });
    }

    @Test
    void aHeaderCutShortAtTheVeryEndOfTheFileIsATornEnd() {
        byte[] cut = java.util.Arrays.copyOf(B, 7);
        JournalRecords.Scan s = JournalRecords.scan(file(A.length + 7, A, cut), 0, A.length + 7);
        assertThat(s.records()).hasSize(1);
        assertThat(s.skipped()).singleElement().satisfies(k -> assertThat(k.atEnd()).isTrue());
    }

    @Test
    void aDamagedRecordIsSkippedAndTheNextOneFound() {
        byte[] damaged = A.clone();
        damaged[JournalRecords.HEADER + 2] ^= 0x20;
        JournalRecords.Scan s = JournalRecords.scan(file(256, damaged, B), 0, 256);
        assertThat(s.records()).extracting(JournalRecords.Found::offset).containsExactly((long) A.length);
        assertThat(s.skipped()).singleElement().satisfies(k -> {
            assertThat(k.atEnd()).isFalse();
            assertThat(k.length()).isEqualTo(A.length);
        });
    }

    @Test
    void aDamagedLengthDoesNotHideTheRecordsAfterIt() {
        byte[] damaged = A.clone();
        damaged[5] = 0x7f; // the length now points far past the file
        JournalRecords.Scan s = JournalRecords.scan(file(256, damaged, B, A), 0, 256);
        assertThat(s.records()).hasSize(2);
        assertThat(s.skipped()).hasSize(1);
    }
}
