package io.seismo.rules.state;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Where state classes write their part of a snapshot: big-endian numbers ({@link DataOutputStream}) and
 * strings as modified UTF-8. A reusable buffer: the engine keeps one and {@link #reset()}s it for each
 * snapshot, so a checkpoint every few seconds does not regrow it. Writes never fail (memory only).
 */
public final class StateOutput {
    /** Tag before each string: null, one UTF piece, or (past {@link #UTF_PIECE_CHARS}) several pieces. */
    static final byte NULL_STRING = 0;
    static final byte SHORT_STRING = 1;
    static final byte LONG_STRING = 2;
    // writeUTF takes at most 65535 bytes, i.e. 21845 chars of 3 bytes each. Modified UTF-8 encodes every
    // char on its own, so cutting a surrogate pair between pieces still reads back the same string.
    static final int UTF_PIECE_CHARS = 65535 / 3;

    private final Buffer bytes;
    private final DataOutputStream data;

    public StateOutput(int initialBytes) {
        this.bytes = new Buffer(initialBytes);
        this.data = new DataOutputStream(bytes);
    }

    public void reset() {
        bytes.reset();
    }

    public int size() {
        return bytes.size();
    }

    // Numbers go straight into the buffer, big-endian as DataOutputStream writes them: a snapshot holds
    // millions, and ByteArrayOutputStream takes a lock on every write.
    public void writeLong(long value) {
        bytes.putLong(value);
    }

    public void writeInt(int value) {
        bytes.putInt(value);
    }

    public void writeBoolean(boolean value) {
        bytes.putByte(value ? 1 : 0);
    }

    /** A string, which may be null; read back by {@link StateInput#readString} or {@link StateInput#readNullableString}. */
    public void writeString(String value) {
        try {
            if (value == null) {
                bytes.putByte(NULL_STRING);
            } else if (value.length() <= UTF_PIECE_CHARS && isPlainAscii(value)) {
                // Modified UTF-8 of chars 1 to 127 is the chars themselves: the same bytes writeUTF makes, faster.
                bytes.putByte(SHORT_STRING);
                bytes.putAscii(value);
            } else if (value.length() <= UTF_PIECE_CHARS) {
                data.writeByte(SHORT_STRING);
                data.writeUTF(value); // reuses the stream's own encoding buffer: no garbage per string
            } else {
                data.writeByte(LONG_STRING);
                int pieces = (value.length() + UTF_PIECE_CHARS - 1) / UTF_PIECE_CHARS;
                data.writeInt(pieces);
                for (int from = 0; from < value.length(); from += UTF_PIECE_CHARS) {
                    data.writeUTF(value.substring(from, Math.min(value.length(), from + UTF_PIECE_CHARS)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isPlainAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0 || c >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** A list of non-null strings. */
    public void writeStrings(List<String> values) {
        writeInt(values.size());
        for (String value : values) {
            writeString(value);
        }
    }

    /** {@code part}'s length, then its bytes: a section a reader can skip without understanding it. */
    public void writeSection(StateOutput part) {
        writeInt(part.size());
        bytes.append(part.bytes);
    }

    /** CRC-32 of everything written so far. */
    public int crc32() {
        return bytes.crc32();
    }

    /** Copies everything written so far into {@code target} at {@code offset}. */
    public void copyInto(byte[] target, int offset) {
        bytes.copyInto(target, offset);
    }

    /** Gives access to the written bytes without copying them. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer(int initialBytes) {
            super(initialBytes);
        }

        void append(Buffer other) {
            ensureRoom(other.count);
            System.arraycopy(other.buf, 0, buf, count, other.count);
            count += other.count;
        }

        void putByte(int value) {
            ensureRoom(1);
            buf[count++] = (byte) value;
        }

        void putInt(int value) {
            ensureRoom(Integer.BYTES);
            buf[count++] = (byte) (value >>> 24);
            buf[count++] = (byte) (value >>> 16);
            buf[count++] = (byte) (value >>> 8);
            buf[count++] = (byte) value;
        }

        void putLong(long value) {
            putInt((int) (value >>> 32));
            putInt((int) value);
        }

        /** An ASCII string as writeUTF writes it: a two-byte length, then one byte per char. */
        @SuppressWarnings("deprecation") // getBytes(int, int, byte[], int) is exactly the low byte of each char
        void putAscii(String value) {
            int length = value.length();
            ensureRoom(2 + length);
            buf[count++] = (byte) (length >>> 8);
            buf[count++] = (byte) length;
            value.getBytes(0, length, buf, count);
            count += length;
        }

        private void ensureRoom(int more) {
            if (count + more > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
            }
        }

        int crc32() {
            CRC32 crc = new CRC32();
            crc.update(buf, 0, count);
            return (int) crc.getValue();
        }

        void copyInto(byte[] target, int offset) {
            System.arraycopy(buf, 0, target, offset, count);
        }
    }
}
