package io.seismo.rules.state;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what {@link StateOutput} wrote, from bytes nobody vouches for. Every read is checked: a read past
 * the end, a count larger than the bytes left could hold or than the engine allows, a boolean that is
 * neither 0 nor 1, or an impossible time is a {@link CorruptStateException} naming what was being read and
 * where. Nothing is allocated from a count before the count has been checked, so a flipped length cannot
 * run the heap out.
 */
public final class StateInput {
    /** Event times past this (year 2116) are garbage; the engine rejects them on input as well. */
    public static final long LATEST_PLAUSIBLE_NANOS = 1L << 62;

    /** The fewest bytes a string takes (a tag and an empty UTF piece), for {@link #readCount}. */
    public static final int MIN_STRING_BYTES = 3;
    /** The fewest bytes a string that may be null takes (the null tag alone). */
    public static final int MIN_NULLABLE_STRING_BYTES = 1;
    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    private final byte[] bytes;
    private final int limit;
    private final ByteArrayInputStream source;
    private final DataInputStream data;

    /** Reads {@code length} bytes of {@code bytes} from {@code offset}. */
    public StateInput(byte[] bytes, int offset, int length) {
        if (offset < 0 || length < 0 || offset > bytes.length - length) {
            throw new CorruptStateException("a section of " + length + " bytes at offset " + offset
                    + " does not fit in " + bytes.length + " bytes");
        }
        this.bytes = bytes;
        this.limit = offset + length;
        this.source = new ByteArrayInputStream(bytes, offset, length);
        this.data = new DataInputStream(source);
    }

    public int remaining() {
        return source.available();
    }

    /** Another reader of what this one has left, from where it is now: to look ahead without moving this one. */
    public StateInput lookAhead() {
        return new StateInput(bytes, position(), remaining());
    }

    public long readLong(String what) {
        need(Long.BYTES, what);
        try {
            return data.readLong();
        } catch (IOException e) {
            throw corrupt(what, e);
        }
    }

    public int readInt(String what) {
        need(Integer.BYTES, what);
        try {
            return data.readInt();
        } catch (IOException e) {
            throw corrupt(what, e);
        }
    }

    /** A byte written by {@link StateOutput#writeByte}, 0 to 255. */
    public int readByte(String what) {
        need(1, what);
        return source.read();
    }

    public boolean readBoolean(String what) {
        need(1, what);
        int value = source.read();
        if (value != 0 && value != 1) {
            throw new CorruptStateException(what + " at offset " + (position() - 1) + " is " + value + ", not a boolean");
        }
        return value == 1;
    }

    /** A counter: never negative. */
    public long readCounter(String what) {
        return counter(readLong(what), what);
    }

    private static long counter(long value, String what) {
        if (value < 0) {
            throw new CorruptStateException(what + " is negative (" + value + ")");
        }
        return value;
    }

    /** An event time, or a bucket number or boundary derived from one, within the plausible range. */
    public long readTime(String what) {
        long value = readLong(what);
        if (Math.abs(value) > LATEST_PLAUSIBLE_NANOS) {
            throw new CorruptStateException(what + " is " + value + ", not a plausible time");
        }
        return value;
    }

    /** Like {@link #readTime}, or exactly {@code none}, the value its owner uses for "not yet". */
    public long readTimeOr(long none, String what) {
        long value = readLong(what);
        if (value != none && Math.abs(value) > LATEST_PLAUSIBLE_NANOS) {
            throw new CorruptStateException(what + " is " + value + ", not a plausible time");
        }
        return value;
    }

    /** A number written by {@link StateOutput#writeVarLong}; more than its ten bytes is corrupt. */
    public long readVarLong(String what) {
        long value = 0;
        for (int shift = 0; shift < Long.SIZE; shift += 7) {
            need(1, what);
            int next = source.read();
            value |= (long) (next & 0x7F) << shift;
            if ((next & 0x80) == 0) {
                return value;
            }
        }
        throw new CorruptStateException(what + " before offset " + position() + " runs past the ten bytes of a number");
    }

    /** A counter written by {@link StateOutput#writeVarLong}: never negative. */
    public long readVarCounter(String what) {
        return counter(readVarLong(what), what);
    }

    /** A position or index written by {@link StateOutput#writeVarLong}: 0 to {@link Integer#MAX_VALUE}. */
    public int readVarIndex(String what) {
        long value = readVarLong(what);
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw new CorruptStateException(what + " is " + Long.toUnsignedString(value) + ", not an index");
        }
        return (int) value;
    }

    /**
     * An event time saved as how long after {@code base} (a plausible time) it came, by {@link
     * StateOutput#writeVarLong}; the time must be plausible too.
     */
    public long readTimeAfter(long base, String what) {
        long after = readVarLong(what);
        long value = base + after;
        if (after < 0 || value < base || Math.abs(value) > LATEST_PLAUSIBLE_NANOS) {
            throw new CorruptStateException(what + " is " + Long.toUnsignedString(after) + " ns after " + base
                    + ", not a plausible time");
        }
        return value;
    }

    /** Like {@link #readCount(String, int, int)}, for a count written by {@link StateOutput#writeVarLong}. */
    public int readVarCount(String what, int max, int minBytesEach) {
        return checkedCount(readVarLong("number of " + what), what, max, minBytesEach);
    }

    /**
     * A count of entries of at least {@code minBytesEach} bytes each: at most {@code max} (the engine's own
     * bound on such entries) and no more than the bytes left could hold.
     */
    public int readCount(String what, int max, int minBytesEach) {
        return checkedCount(readInt("number of " + what), what, max, minBytesEach);
    }

    private int checkedCount(long count, String what, int max, int minBytesEach) {
        if (count < 0 || count > max) {
            throw new CorruptStateException("number of " + what + " is " + count + ", outside 0.." + max);
        }
        if (count * minBytesEach > remaining()) {
            throw new CorruptStateException("number of " + what + " is " + count + " but only " + remaining()
                    + " bytes are left");
        }
        return (int) count;
    }

    /** A count bounded only by the bytes left. */
    public int readCount(String what, int minBytesEach) {
        return readCount(what, Integer.MAX_VALUE, minBytesEach);
    }

    public String readString(String what) {
        String value = readNullableString(what);
        if (value == null) {
            throw new CorruptStateException(what + " is missing");
        }
        return value;
    }

    public String readNullableString(String what) {
        need(1, what);
        int tag = source.read();
        try {
            switch (tag) {
                case StateOutput.NULL_STRING:
                    return null;
                case StateOutput.SHORT_STRING:
                    return data.readUTF();
                case StateOutput.HEX_STRING:
                    return readHex(what);
                case StateOutput.LONG_STRING:
                    int pieces = readCount("pieces of " + what, Short.BYTES);
                    StringBuilder text = new StringBuilder();
                    for (int i = 0; i < pieces; i++) {
                        text.append(data.readUTF());
                    }
                    return text.toString();
                default:
                    throw new CorruptStateException(what + " at offset " + (position() - 1) + " has tag " + tag
                            + ", not a string");
            }
        } catch (IOException e) {
            throw corrupt(what, e);
        }
    }

    private String readHex(String what) {
        need(1, "length of " + what);
        int length = source.read();
        if (length == 0) {
            throw new CorruptStateException(what + " before offset " + position() + " is hex of no digits");
        }
        need((length + 1) / 2, what);
        char[] chars = new char[length];
        for (int i = 0; i < length; i += 2) {
            int pair = source.read();
            chars[i] = HEX_DIGITS[pair >>> 4];
            if (i + 1 < length) {
                chars[i + 1] = HEX_DIGITS[pair & 0xF];
            }
        }
        return new String(chars);
    }

    /** A list written by {@link StateOutput#writeStrings}. */
    public List<String> readStrings(String what) {
        int count = readCount(what, MIN_STRING_BYTES);
        // Grown as strings arrive rather than sized from the count: the count is only checked against
        // the bytes left, and a reference costs more than the bytes a string takes at least.
        List<String> values = new ArrayList<>(Math.min(count, 16));
        for (int i = 0; i < count; i++) {
            values.add(readString(what));
        }
        return values;
    }

    /** A section written by {@link StateOutput#writeSection}: its own reader, and this one moves past it. */
    public StateInput readSection(String what) {
        int length = readInt("length of " + what);
        if (length < 0 || length > remaining()) {
            throw new CorruptStateException("length of " + what + " is " + length + " but only " + remaining()
                    + " bytes are left");
        }
        StateInput section = new StateInput(bytes, position(), length);
        source.skip(length);
        return section;
    }

    /** Checks that {@code what} used every byte it was given. */
    public void expectEnd(String what) {
        if (remaining() != 0) {
            throw new CorruptStateException(what + " has " + remaining() + " bytes left over at offset " + position());
        }
    }

    private int position() {
        return limit - source.available();
    }

    private void need(int count, String what) {
        if (remaining() < count) {
            throw new CorruptStateException("snapshot ends early: " + what + " needs " + count + " bytes at offset "
                    + position() + ", " + remaining() + " left");
        }
    }

    private CorruptStateException corrupt(String what, IOException e) {
        return new CorruptStateException("cannot read " + what + " before offset " + position() + ": " + e, e);
    }
}
