package net.bluemind.xmpp.archive.write;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The record format of the spool's journal files, and the scan that reads it back. A record is a 12-byte header
 * (magic {@code BMXJ}, payload length, CRC32C of the length and payload, all big-endian) and its payload (one or
 * more documents, one JSON line each). A journal file is preallocated with zeros, so the written part ends at the
 * first all-zero header. The scan never trusts a record whose checksum does not match: a write cut by a crash (a
 * partial record at the end) or damaged data in the middle is reported as a skipped range, and the scan goes on at
 * the next record whose checksum matches.
 */
final class JournalRecords {

    static final int MAGIC = 0x424D584A; // "BMXJ"
    static final int HEADER = 12;

    /** A readable record: its payload starts at {@code offset + HEADER}. */
    record Found(long offset, int length) {
        long end() {
            return offset + HEADER + length;
        }
    }

    /** Bytes that are not a readable record; {@code atEnd}: no readable record follows (a torn last write). */
    record Skipped(long offset, long length, boolean atEnd) {
    }

    record Scan(List<Found> records, List<Skipped> skipped, long end) {
    }

    private JournalRecords() {
    }

    /** Header and payload, ready to be written. */
    static byte[] encode(byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + payload.length);
        b.putInt(MAGIC).putInt(payload.length).putInt(crc(payload.length, payload, 0)).put(payload);
        return b.array();
    }

    /**
     * Reads the records of {@code data} from {@code from} to {@code to} (offsets in the file = in {@code data}, whose
     * position 0 is the file's first byte).
     */
    static Scan scan(ByteBuffer data, int from, int to) {
        List<Found> found = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        int pos = from;
        int end = from;
        while (pos + HEADER <= to) {
            if (data.getInt(pos) == 0 && data.getInt(pos + 4) == 0 && data.getInt(pos + 8) == 0 && zeros(data, pos, to)) {
                break; // the preallocated, never written rest
            }
            int len = readable(data, pos, to);
            if (len >= 0) {
                found.add(new Found(pos, len));
                pos += HEADER + len;
                end = pos;
                continue;
            }
            int next = nextReadable(data, pos + 1, to);
            if (next < 0) {
                int last = lastNonZero(data, pos, to);
                skipped.add(new Skipped(pos, last - pos, true));
                return new Scan(found, skipped, end);
            }
            skipped.add(new Skipped(pos, next - pos, false));
            pos = next;
        }
        if (pos < to && pos + HEADER > to && !zeros(data, pos, to)) {
            skipped.add(new Skipped(pos, lastNonZero(data, pos, to) - pos, true)); // a header cut short
        }
        return new Scan(found, skipped, end);
    }

    /** The payload length of a checksum-valid record at {@code pos}, or -1. */
    private static int readable(ByteBuffer data, int pos, int to) {
        if (pos + HEADER > to || data.getInt(pos) != MAGIC) {
            return -1;
        }
        int len = data.getInt(pos + 4);
        if (len < 0 || len > to - pos - HEADER) {
            return -1;
        }
        byte[] payload = new byte[len];
        data.get(pos + HEADER, payload);
        return crc(len, payload, 0) == data.getInt(pos + 8) ? len : -1;
    }

    private static int nextReadable(ByteBuffer data, int from, int to) {
        for (int p = from; p + HEADER <= to; p++) {
            if (data.get(p) == 'B' && readable(data, p, to) >= 0) {
                return p;
            }
        }
        return -1;
    }

    private static boolean zeros(ByteBuffer data, int from, int to) {
        for (int p = from; p < to; p++) {
            if (data.get(p) != 0) {
                return false;
            }
        }
        return true;
    }

    private static int lastNonZero(ByteBuffer data, int from, int to) {
        int p = to;
        while (p > from && data.get(p - 1) == 0) {
            p--;
        }
        return p;
    }

    private static int crc(int length, byte[] payload, int off) {
        CRC32C c = new CRC32C();
        c.update(ByteBuffer.allocate(4).putInt(0, length));
        c.update(payload, off, payload.length - off);
        return (int) c.getValue();
    }
}
