package io.seismo.daemon.checkpoint;

import io.seismo.daemon.journal.JournalPosition;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The bytes of a checkpoint file: a header {@code [int magic "SCKP"][short version][int payloadLength]
 * [int crc32c of the payload]} and the payload {@code [long segment][long offset][long takenAtMillis]
 * [int sources]{[string source][long highWater]}[bytes engine][bytes alerting]}, where bytes and strings are
 * {@code [int length][data]}. The CRC and the exact length catch a torn or flipped file before anything is used.
 */
final class CheckpointFormat {
    static final int MAGIC = 0x53434B50;
    static final short VERSION = 1;
    static final int HEADER_BYTES = 4 + 2 + 4 + 4;

    private CheckpointFormat() {
    }

    /**
     * The file's bytes in parts, to be written one after the other: the header and the payload up to the engine's
     * state, the pieces of the engine's state, the alerting state's length, and that state. The states are not
     * copied: the engine's can be a hundred megabytes, and one more copy of it per checkpoint was a humongous
     * array that also started G1 marking cycles.
     */
    static List<ByteBuffer> parts(Checkpoint checkpoint) {
        Map<byte[], Long> sources = new HashMap<>();
        int headSize = 3 * Long.BYTES + Integer.BYTES;
        for (Map.Entry<String, Long> e : checkpoint.sourceOffsets().entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
            sources.put(name, e.getValue());
            headSize += Integer.BYTES + name.length + Long.BYTES;
        }
        headSize += Integer.BYTES;
        long engineLength = checkpoint.engineStateLength();
        byte[] alerting = checkpoint.alertingState();
        ByteBuffer head = ByteBuffer.allocate(HEADER_BYTES + headSize);
        head.position(HEADER_BYTES);
        head.putLong(checkpoint.position().segment()).putLong(checkpoint.position().offset())
                .putLong(checkpoint.takenAt().toEpochMilli()).putInt(sources.size());
        sources.forEach((name, offset) -> head.putInt(name.length).put(name).putLong(offset));
        head.putInt(Math.toIntExact(engineLength));
        ByteBuffer alertingLength = ByteBuffer.allocate(Integer.BYTES).putInt(0, alerting.length);
        CRC32C crc = new CRC32C();
        crc.update(head.array(), HEADER_BYTES, headSize);
        List<ByteBuffer> parts = new ArrayList<>();
        parts.add(head);
        for (ByteBuffer piece : checkpoint.engineState()) {
            crc.update(piece.duplicate());
            parts.add(piece.duplicate());
        }
        crc.update(alertingLength.array());
        crc.update(alerting);
        int payload = Math.toIntExact(headSize + engineLength + Integer.BYTES + alerting.length);
        head.putInt(0, MAGIC).putShort(4, VERSION).putInt(6, payload).putInt(10, (int) crc.getValue());
        head.clear();
        parts.add(alertingLength);
        parts.add(ByteBuffer.wrap(alerting));
        return parts;
    }

    static Checkpoint decode(byte[] file) throws CorruptCheckpointException {
        if (file.length < HEADER_BYTES) {
            throw new CorruptCheckpointException("only " + file.length + " bytes, shorter than the header");
        }
        ByteBuffer in = ByteBuffer.wrap(file);
        if (in.getInt() != MAGIC) {
            throw new CorruptCheckpointException("not a checkpoint file (bad magic)");
        }
        short version = in.getShort();
        if (version != VERSION) {
            throw new CorruptCheckpointException("format version " + version + " is not known to this build");
        }
        int length = in.getInt();
        int expectedCrc = in.getInt();
        if (length != file.length - HEADER_BYTES) {
            throw new CorruptCheckpointException("payload is " + (file.length - HEADER_BYTES) + " bytes, the header says " + length);
        }
        CRC32C crc = new CRC32C();
        crc.update(file, HEADER_BYTES, length);
        if ((int) crc.getValue() != expectedCrc) {
            throw new CorruptCheckpointException("CRC mismatch");
        }
        try {
            JournalPosition position = new JournalPosition(in.getLong(), in.getLong());
            Instant takenAt = Instant.ofEpochMilli(in.getLong());
            int count = in.getInt();
            if (count < 0 || count > in.remaining() / (Integer.BYTES + Long.BYTES)) {
                throw new CorruptCheckpointException("impossible source count " + count);
            }
            Map<String, Long> sources = new HashMap<>();
            for (int i = 0; i < count; i++) {
                sources.put(new String(bytes(in), StandardCharsets.UTF_8), in.getLong());
            }
            ByteBuffer engine = view(in); // the file's own bytes, not copied here: recovery copies them out
            byte[] alerting = bytes(in);
            if (in.hasRemaining()) {
                throw new CorruptCheckpointException(in.remaining() + " bytes left over after the payload");
            }
            return new Checkpoint(position, sources, List.of(engine), alerting, takenAt);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new CorruptCheckpointException("payload does not parse: " + e);
        }
    }

    private static byte[] bytes(ByteBuffer in) throws CorruptCheckpointException {
        ByteBuffer field = view(in);
        byte[] out = new byte[field.remaining()];
        field.get(out);
        return out;
    }

    /** The next {@code [int length][data]} field's data, without copying it. */
    private static ByteBuffer view(ByteBuffer in) throws CorruptCheckpointException {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new CorruptCheckpointException("a field of " + length + " bytes runs past the payload");
        }
        ByteBuffer field = in.slice(in.position(), length);
        in.position(in.position() + length);
        return field;
    }
}
