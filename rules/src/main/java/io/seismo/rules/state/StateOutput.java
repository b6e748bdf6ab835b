package io.seismo.rules.state;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Where state classes write their part of a snapshot: big-endian numbers ({@link DataOutputStream}) and
 * strings as modified UTF-8. Writes never fail (memory only). Large collections go in as deferred parts
 * ({@link #writeDeferred}, e.g. an {@link AccessOrderMap}), fixed at once and written later; the output is then
 * a list of pieces, put together by {@link #copyInto(StateOutput)} once every deferred part is complete.
 */
public final class StateOutput {
    /** Tag before each string: null, one UTF piece, or (past {@link #UTF_PIECE_CHARS}) several pieces. */
    static final byte NULL_STRING = 0;
    static final byte SHORT_STRING = 1;
    static final byte LONG_STRING = 2;
    /** Lowercase hex digits two to a byte after their count: a trace or span id in half its bytes. */
    static final byte HEX_STRING = 3;
    static final int MAX_HEX_CHARS = 255;
    private static final byte[] HEX_VALUES = new byte['f' + 1];

    static {
        Arrays.fill(HEX_VALUES, (byte) -1);
        for (int digit = 0; digit < 16; digit++) {
            HEX_VALUES[Character.forDigit(digit, 16)] = (byte) digit;
        }
    }
    // writeUTF takes at most 65535 bytes, i.e. 21845 chars of 3 bytes each. Modified UTF-8 encodes every
    // char on its own, so cutting a surrogate pair between pieces still reads back the same string.
    static final int UTF_PIECE_CHARS = 65535 / 3;

    private final ChunkedBytes bytes;
    private final DataOutputStream data;
    /** What came before the newest deferred part, in order; empty while nothing is deferred. */
    private final List<Piece> pieces = new ArrayList<>();
    private final List<DeferredState> deferred = new ArrayList<>();
    /** Scratch for {@link #writeId}, made on its first use: most outputs never write an id. */
    private byte[] packedHex;
    private char[] idChars;

    public StateOutput(int initialBytes) {
        this.bytes = new ChunkedBytes(initialBytes);
        this.data = new DataOutputStream(bytes);
    }

    public void reset() {
        bytes.reset();
        pieces.clear();
        deferred.clear();
    }

    /** Bytes written; with deferred parts, only once all of them are complete. */
    public int size() {
        int size = bytes.size();
        // Indexed: asked once per recorded sample, and the for-each's iterator was not scalarized there (JFR).
        for (int i = 0; i < pieces.size(); i++) {
            size += pieces.get(i).size();
        }
        return size;
    }

    /** The deferred parts written here and in the sections written here, in order. */
    public List<DeferredState> deferredParts() {
        return List.copyOf(deferred);
    }

    // Numbers go straight into the buffer, big-endian as DataOutputStream writes them: a snapshot holds
    // millions, and the stream would take them a byte at a time.
    public void writeLong(long value) {
        bytes.putLong(value);
    }

    public void writeInt(int value) {
        bytes.putInt(value);
    }

    /** The low eight bits of {@code value}: flags, say. */
    public void writeByte(int value) {
        bytes.putByte(value);
    }

    public void writeBoolean(boolean value) {
        bytes.putByte(value ? 1 : 0);
    }

    /** A string, which may be null; read back by {@link StateInput#readString} or {@link StateInput#readNullableString}. */
    public void writeString(String value) {
        if (value == null) {
            bytes.putByte(NULL_STRING);
        } else if (!writtenAsAscii(value)) {
            writeModifiedUtf(value);
        }
    }

    /**
     * A string given as characters (an event's span id, say), written as {@link #writeString(String)} writes it;
     * only one that is not plain ASCII is made a String first.
     */
    public void writeString(CharSequence value) {
        if (value == null || value instanceof String) {
            writeString((String) value);
            return;
        }
        char[] held = value instanceof CharArrayView view ? view.charArray() : null;
        boolean written = held != null ? writtenAsAscii(held, value.length()) : writtenAsAscii(value);
        if (!written) {
            writeModifiedUtf(value.toString());
        }
    }

    /**
     * An id (a trace or span id, which are nearly always lowercase hex), read back by {@link StateInput#readString}
     * as the same string: as packed hex digits when it is 1 to {@link #MAX_HEX_CHARS} of them, else as {@link
     * #writeString(CharSequence)} writes it. The same id always gets the same bytes.
     */
    public void writeId(CharSequence value) {
        int length = value == null ? 0 : value.length();
        if (length == 0 || length > MAX_HEX_CHARS || !packedAsHex(charsOf(value, length), length)) {
            writeString(value);
            return;
        }
        bytes.putBytes(packedHex, 0, 2 + (length + 1) / 2);
    }

    /** The first {@code length} chars of {@code value}: its own array when it has one, else copied to scratch. */
    private char[] charsOf(CharSequence value, int length) {
        char[] held = value instanceof CharArrayView view ? view.charArray() : null;
        if (held != null) {
            return held;
        }
        if (idChars == null) {
            idChars = new char[MAX_HEX_CHARS];
        }
        if (value instanceof String string) {
            string.getChars(0, length, idChars, 0);
        } else {
            for (int i = 0; i < length; i++) {
                idChars[i] = value.charAt(i);
            }
        }
        return idChars;
    }

    /**
     * Packs the first {@code length} of {@code chars} into {@link #packedHex} after the tag and count, and says
     * whether they were all lowercase hex digits (one pass: an id that is not is told at its first other char).
     */
    private boolean packedAsHex(char[] chars, int length) {
        if (packedHex == null) {
            packedHex = new byte[2 + (MAX_HEX_CHARS + 1) / 2];
            packedHex[0] = HEX_STRING;
        }
        packedHex[1] = (byte) length;
        for (int i = 0, at = 2; i < length; i += 2, at++) {
            int high = hexValue(chars[i]);
            int low = i + 1 < length ? hexValue(chars[i + 1]) : 0;
            if ((high | low) < 0) {
                return false;
            }
            packedHex[at] = (byte) (high << 4 | low);
        }
        return true;
    }

    /** The value of a lowercase hex digit, or -1 for any other char. */
    private static int hexValue(char c) {
        return c < HEX_VALUES.length ? HEX_VALUES[c] : -1;
    }

    /** A number of at most 64 bits as {@link ChunkedBytes#putVarLong} writes it: small ones in a byte or two. */
    public void writeVarLong(long value) {
        bytes.putVarLong(value);
    }

    /**
     * Writes a short string of chars 1 to 127 and says so; writes nothing for any other. Modified UTF-8 of such
     * chars is the chars themselves: the same bytes writeUTF makes, faster.
     */
    private boolean writtenAsAscii(CharSequence value) {
        if (value.length() > UTF_PIECE_CHARS || !isPlainAscii(value)) {
            return false;
        }
        bytes.putByte(SHORT_STRING);
        bytes.putAscii(value);
        return true;
    }

    private void writeModifiedUtf(String value) {
        try {
            if (value.length() <= UTF_PIECE_CHARS) {
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

    /** {@link #writtenAsAscii(CharSequence)} of the first {@code length} characters of {@code chars}. */
    private boolean writtenAsAscii(char[] chars, int length) {
        if (length > UTF_PIECE_CHARS) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (c == 0 || c >= 0x80) {
                return false;
            }
        }
        bytes.putByte(SHORT_STRING);
        bytes.putAscii(chars, length);
        return true;
    }

    private static boolean isPlainAscii(CharSequence value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0 || c >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where the string that {@link #writeString} wrote at {@code at} of {@code written} ends: for holders that keep
     * strings as these bytes back to back, without a table of their ends. The bytes are trusted (this class's).
     */
    public static int endOfString(byte[] written, int at) {
        return switch (written[at]) {
            case SHORT_STRING -> at + 3 + unsignedShort(written, at + 1);
            case LONG_STRING -> {
                int pieces = (written[at + 1] & 0xff) << 24 | (written[at + 2] & 0xff) << 16
                        | (written[at + 3] & 0xff) << 8 | written[at + 4] & 0xff;
                int end = at + 5;
                for (int i = 0; i < pieces; i++) {
                    end += 2 + unsignedShort(written, end);
                }
                yield end;
            }
            case HEX_STRING -> at + 2 + ((written[at + 1] & 0xff) + 1) / 2;
            default -> at + 1; // NULL_STRING
        };
    }

    private static int unsignedShort(byte[] bytes, int at) {
        return (bytes[at] & 0xff) << 8 | bytes[at + 1] & 0xff;
    }

    /** Bytes written before in this format (by another output), as they are. */
    public void writeBytes(byte[] source, int offset, int length) {
        bytes.putBytes(source, offset, length);
    }

    /** A list of non-null strings. */
    public void writeStrings(List<String> values) {
        writeInt(values.size());
        for (String value : values) {
            writeString(value);
        }
    }

    /** A part fixed now and written later: its bytes go here once it is complete. */
    public void writeDeferred(DeferredState part) {
        moveBytesToPieces();
        pieces.add(new Later(part));
        deferred.add(part);
    }

    /**
     * {@code part}'s length, then its bytes: a section a reader can skip without understanding it. Takes
     * over {@code part}'s deferred parts, so {@code part} can be reset and reused at once.
     */
    public void writeSection(StateOutput part) {
        if (part.pieces.isEmpty()) {
            writeInt(part.size());
            bytes.append(part.bytes);
            return;
        }
        moveBytesToPieces();
        part.moveBytesToPieces();
        pieces.add(new Section(List.copyOf(part.pieces)));
        deferred.addAll(part.deferred);
    }

    /** Appends everything written here to {@code target}; deferred parts must be complete. */
    public void copyInto(StateOutput target) {
        for (Piece piece : pieces) {
            piece.copyInto(target);
        }
        target.bytes.append(bytes);
    }

    /** Copies an output with no deferred parts (an evidence sample, say) into {@code target} at {@code offset}. */
    public void copyInto(byte[] target, int offset) {
        requireNoPieces();
        bytes.copyRange(0, bytes.size(), target, offset);
    }

    /** Everything written, in a new array; deferred parts must be complete. */
    public byte[] toByteArray() {
        if (pieces.isEmpty()) {
            return bytes.toByteArray();
        }
        StateOutput whole = new StateOutput(size());
        copyInto(whole);
        return whole.bytes.toByteArray();
    }

    /** CRC-32 of the bytes from {@code from} on of an output with no deferred parts. */
    public int crc32(int from) {
        requireNoPieces();
        CRC32 crc = new CRC32();
        bytes.updateCrc(crc, from);
        return (int) crc.getValue();
    }

    /** Writes {@code value} over the int written at {@code offset} of an output with no deferred parts. */
    public void overwriteInt(int offset, int value) {
        requireNoPieces();
        bytes.overwriteInt(offset, value);
    }

    /** The bytes of an output with no deferred parts, as views (no copy) to write out; valid until it changes. */
    public List<ByteBuffer> views() {
        requireNoPieces();
        return bytes.views();
    }

    /** Appends {@code length} bytes from {@code from} of an output with no deferred parts to {@code target}. */
    void copyRange(int from, int length, StateOutput target) {
        requireNoPieces();
        bytes.copyRange(from, length, target.bytes);
    }

    private void requireNoPieces() {
        if (!pieces.isEmpty()) {
            throw new IllegalStateException("this output has deferred parts; copy it whole");
        }
    }

    private void moveBytesToPieces() {
        if (bytes.size() > 0) {
            pieces.add(new Fixed(bytes.toByteArray()));
            bytes.reset();
        }
    }

    /** A run of the output: bytes written at once, a deferred part, or a section holding one. */
    private sealed interface Piece permits Fixed, Later, Section {
        int size();

        /** Appends the piece to {@code target}. */
        void copyInto(StateOutput target);
    }

    private record Fixed(byte[] bytes) implements Piece {
        @Override
        public int size() {
            return bytes.length;
        }

        @Override
        public void copyInto(StateOutput target) {
            target.writeBytes(bytes, 0, bytes.length);
        }
    }

    private record Later(DeferredState part) implements Piece {
        @Override
        public int size() {
            return part.size();
        }

        @Override
        public void copyInto(StateOutput target) {
            part.copyInto(target);
        }
    }

    /** A section's length (as {@link #writeInt}) and its pieces. */
    private record Section(List<Piece> pieces) implements Piece {
        @Override
        public int size() {
            return Integer.BYTES + content();
        }

        @Override
        public void copyInto(StateOutput target) {
            target.writeInt(content());
            for (Piece piece : pieces) {
                piece.copyInto(target);
            }
        }

        private int content() {
            int length = 0;
            for (Piece piece : pieces) {
                length += piece.size();
            }
            return length;
        }
    }
}
