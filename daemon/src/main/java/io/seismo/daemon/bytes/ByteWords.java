package io.seismo.daemon.bytes;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Scans bytes eight at a time: one long read and a few ALU operations per word instead of a compare and branch per
 * byte (flat out the ingest event loop spent a third of its time in byte loops finding newlines and the end of each
 * envelope's line; the JSON parser finds the end of each string with it). The tests below are exact per byte, with
 * no carry from one byte into the next, so the lowest flagged byte of a word is the first match.
 */
public final class ByteWords {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_SEVEN = 0x7F7F_7F7F_7F7F_7F7FL;
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;
    private static final long QUOTES = repeated('"');
    private static final long BACKSLASHES = repeated('\\');
    /** Added to a byte's low seven bits, sets the high bit exactly when they are at least a space (0x20). */
    private static final long SPACE_COMPLEMENT = repeated(0x80 - ' ');

    private ByteWords() {
    }

    /** The index of the first {@code wanted} in {@code bytes[from, to)}, or {@code to}. */
    public static int indexOf(byte[] bytes, int from, int to, byte wanted) {
        long pattern = repeated(wanted & 0xFF);
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long found = zeroBytes((long) LONGS.get(bytes, i) ^ pattern);
            if (found != 0) {
                return i + firstFlagged(found);
            }
        }
        for (; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return to;
    }

    /** How many {@code wanted} bytes {@code bytes[from, to)} holds. */
    public static int count(byte[] bytes, int from, int to, byte wanted) {
        long pattern = repeated(wanted & 0xFF);
        int n = 0;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            n += Long.bitCount(zeroBytes((long) LONGS.get(bytes, i) ^ pattern));
        }
        for (; i < to; i++) {
            if (bytes[i] == wanted) {
                n++;
            }
        }
        return n;
    }

    /** Whether every byte of {@code bytes[from, to)} is ASCII (below 128). */
    public static boolean isAscii(byte[] bytes, int from, int to) {
        long high = 0;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            high |= (long) LONGS.get(bytes, i);
        }
        for (; i < to; i++) {
            high |= bytes[i];
        }
        return (high & HIGH_BITS) == 0;
    }

    /**
     * The index of the first byte in {@code bytes[from, to)} that a plain JSON string of ASCII cannot hold as it
     * is: a quote, a backslash, a control character (below a space) or a byte above 127; or {@code to}.
     */
    public static int plainStringEnd(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long found = notPlain((long) LONGS.get(bytes, i));
            if (found != 0) {
                return i + firstFlagged(found);
            }
        }
        while (i < to && isPlain(bytes[i])) {
            i++;
        }
        return i;
    }

    /**
     * Copies the plain bytes (see {@link #plainStringEnd}) at the start of {@code src[from, to)} to {@code dst}
     * from {@code at}, and returns the index in {@code src} of the first byte that is not plain, or {@code to}. A
     * word at a time: up to {@link Long#BYTES} bytes past the copied ones may be overwritten, so {@code dst} must
     * have room for {@code to - from + Long.BYTES} bytes from {@code at}.
     */
    public static int copyPlainString(byte[] src, int from, int to, byte[] dst, int at) {
        int i = from;
        int o = at;
        for (; i + Long.BYTES <= to; i += Long.BYTES, o += Long.BYTES) {
            long word = (long) LONGS.get(src, i);
            LONGS.set(dst, o, word);
            long found = notPlain(word);
            if (found != 0) {
                return i + firstFlagged(found);
            }
        }
        for (; i < to && isPlain(src[i]); i++, o++) {
            dst[o] = src[i];
        }
        return i;
    }

    /** The high bit of each byte of {@code word} that is a quote, a backslash, below a space or above 127. */
    private static long notPlain(long word) {
        long controlOrHigh = (~((word & LOW_SEVEN) + SPACE_COMPLEMENT) | word) & HIGH_BITS;
        return zeroBytes(word ^ QUOTES) | zeroBytes(word ^ BACKSLASHES) | controlOrHigh;
    }

    private static boolean isPlain(byte b) {
        return b != '"' && b != '\\' && b >= ' '; // negative: above 127
    }

    /** The high bit of each byte of {@code word} that is zero, and nothing else. */
    private static long zeroBytes(long word) {
        return ~(((word & LOW_SEVEN) + LOW_SEVEN) | word | LOW_SEVEN);
    }

    /** The index within its word of the lowest byte flagged in {@code flags} (little-endian: lowest first). */
    private static int firstFlagged(long flags) {
        return Long.numberOfTrailingZeros(flags) >>> 3;
    }

    private static long repeated(int b) {
        return (b & 0xFFL) * 0x0101_0101_0101_0101L;
    }
}
