package io.seismo.rules.engine;

import io.seismo.rules.correlate.TraceEncoding;
import io.seismo.rules.state.CorruptStateException;
import io.seismo.rules.state.StateInput;
import io.seismo.rules.state.StateOutput;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * The frame around a snapshot's state: a magic number, the format version, and a CRC-32 of the body, so
 * that a foreign file, a snapshot from another version and a torn or flipped one are all told apart
 * before any of the body is believed.
 */
final class SnapshotEnvelope {
    static final int MAGIC = 0x53454953; // "SEIS"
    /** Version 3 saves open traces compactly (see {@link TraceEncoding}); version 2 is still read. */
    static final int VERSION = 3;
    static final int OLDEST_READ_VERSION = 2;
    static final int HEADER_BYTES = 3 * Integer.BYTES;

    private SnapshotEnvelope() {
    }

    /** The framed bytes of {@code body}, whose deferred parts must be complete. */
    static byte[] seal(StateOutput body) {
        StateOutput framed = new StateOutput(HEADER_BYTES + body.size());
        sealInto(body, framed);
        return framed.toByteArray();
    }

    /** Frames {@code body}, whose deferred parts must be complete, into {@code framed} (emptied first). */
    static void sealInto(StateOutput body, StateOutput framed) {
        framed.reset();
        framed.writeInt(MAGIC);
        framed.writeInt(VERSION);
        framed.writeInt(0); // the body's CRC, once it is in
        body.copyInto(framed);
        framed.overwriteInt(2 * Integer.BYTES, framed.crc32(HEADER_BYTES));
    }

    /** A sealed snapshot's body, once its frame has been checked, and the format version it is in. */
    record Opened(int version, StateInput body) {
        TraceEncoding traceEncoding() {
            return version >= 3 ? TraceEncoding.COMPACT : TraceEncoding.FIXED_WIDTH;
        }
    }

    /** The body of a sealed snapshot, once its frame has been checked. */
    static Opened open(byte[] bytes) {
        if (bytes.length < HEADER_BYTES) {
            throw new CorruptStateException("a snapshot has at least " + HEADER_BYTES + " bytes, got " + bytes.length);
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, 0, HEADER_BYTES);
        int magic = header.getInt();
        if (magic != MAGIC) {
            throw new CorruptStateException(String.format("not an engine snapshot: magic number %08x, expected %08x",
                    magic, MAGIC));
        }
        int version = header.getInt();
        if (version < OLDEST_READ_VERSION || version > VERSION) {
            throw new CorruptStateException("snapshot format version " + version + ", this engine reads versions "
                    + OLDEST_READ_VERSION + " to " + VERSION);
        }
        int expectedCrc = header.getInt();
        CRC32 crc = new CRC32();
        crc.update(bytes, HEADER_BYTES, bytes.length - HEADER_BYTES);
        if ((int) crc.getValue() != expectedCrc) {
            throw new CorruptStateException(String.format("snapshot is torn or corrupt: CRC-32 of its %d bytes is %08x, "
                    + "its header says %08x", bytes.length - HEADER_BYTES, (int) crc.getValue(), expectedCrc));
        }
        return new Opened(version, new StateInput(bytes, HEADER_BYTES, bytes.length - HEADER_BYTES));
    }
}
