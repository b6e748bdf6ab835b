package io.seismo.daemon.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strings for field names and values that repeat from line to line (levels, services, messages, attribute names
 * and their few values), so a parser hands out the same String instead of a new one per line. A direct-mapped
 * table by hash: a text is kept only the second time in a row its slot sees its hash, so text that never repeats
 * (trace ids, most users' names) costs the hash and neither fills the table nor keeps young Strings alive in it.
 * One per parser: not thread-safe.
 */
final class RepeatedText {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long MULTIPLIER = 0x9E37_79B9_7F4A_7C15L;
    private static final long FINISH = 0xFF51_AFD7_ED55_8CCDL;

    private final String[] kept;
    /** The characters of each kept String, compared with a vectorized range compare. */
    private final char[][] keptChars;
    /** The same as bytes, for a String of ASCII characters only; null for any other. */
    private final byte[][] keptAscii;
    /** Per slot, the kept String's hash (high half) and the hash last seen there (low half): one read for both. */
    private final long[] hashes;
    private final int mask;

    /** {@code slots} is rounded up to a power of two. */
    RepeatedText(int slots) {
        int size = Integer.highestOneBit(Math.max(2, slots - 1)) << 1;
        kept = new String[size];
        keptChars = new char[size][];
        keptAscii = new byte[size][];
        hashes = new long[size];
        mask = size - 1;
    }

    /** The characters {@code start} to {@code end} of {@code chars}, as a String. */
    String of(char[] chars, int start, int end) {
        String known = known(chars, start, end);
        return known != null ? known : new String(chars, start, end - start);
    }

    /** The ASCII bytes {@code start} to {@code end} of {@code ascii}, as a String. */
    String of(byte[] ascii, int start, int end) {
        String known = known(ascii, start, end);
        return known != null ? known : new String(ascii, start, end - start, StandardCharsets.ISO_8859_1);
    }

    /**
     * The kept String of the characters {@code start} to {@code end} of {@code chars}; null when they are not kept
     * (a value seen for the first time, say), and then nothing is allocated.
     */
    String known(char[] chars, int start, int end) {
        int hash = hash(chars, start, end);
        int slot = hash & mask;
        char[] candidate = keptChars[slot];
        if (keptHash(slot) == hash && candidate != null
                && Arrays.equals(candidate, 0, candidate.length, chars, start, end)) {
            return sighted(slot, hash);
        }
        return secondSighting(slot, hash) ? keep(slot, hash, new String(chars, start, end - start)) : null;
    }

    /**
     * The same for ASCII bytes (a JSON line read as the ring slot holds it): they hash as their characters do, so
     * a text is the same String whichever way it was read.
     */
    String known(byte[] ascii, int start, int end) {
        int hash = hash(ascii, start, end);
        int slot = hash & mask;
        byte[] candidate = keptAscii[slot];
        if (keptHash(slot) == hash && candidate != null
                && Arrays.equals(candidate, 0, candidate.length, ascii, start, end)) {
            return sighted(slot, hash);
        }
        return secondSighting(slot, hash)
                ? keep(slot, hash, new String(ascii, start, end - start, StandardCharsets.ISO_8859_1)) : null;
    }

    private int keptHash(int slot) {
        return (int) (hashes[slot] >>> 32);
    }

    /** The kept text was seen again: another text seen before and after it is not "in a row". */
    private String sighted(int slot, int hash) {
        long both = (long) hash << 32 | (hash & 0xFFFFFFFFL);
        if (hashes[slot] != both) {
            hashes[slot] = both;
        }
        return kept[slot];
    }

    /** Whether the slot saw {@code hash} last; it has now, in any case. */
    private boolean secondSighting(int slot, int hash) {
        long seen = hashes[slot];
        hashes[slot] = (seen & 0xFFFFFFFF00000000L) | (hash & 0xFFFFFFFFL);
        return (int) seen == hash;
    }

    private String keep(int slot, int hash, String text) {
        kept[slot] = text;
        char[] chars = text.toCharArray();
        keptChars[slot] = chars;
        keptAscii[slot] = isAscii(chars) ? text.getBytes(StandardCharsets.ISO_8859_1) : null;
        hashes[slot] = (long) hash << 32 | (hash & 0xFFFFFFFFL);
        return text;
    }

    private static boolean isAscii(char[] chars) {
        for (char c : chars) {
            if (c >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /**
     * A hash of the text's characters eight at a time, each taken as its low byte (ASCII text hashes as its bytes
     * do; text beyond Latin-1 only collides more, and the comparison tells it apart).
     */
    private static int hash(char[] chars, int start, int end) {
        long hash = end - start;
        int i = start;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long word = 0;
            for (int k = Long.BYTES - 1; k >= 0; k--) {
                word = word << 8 | (chars[i + k] & 0xFF);
            }
            hash = mixedIn(hash, word);
        }
        if (i < end) {
            long word = 0;
            for (int k = end - 1; k >= i; k--) {
                word = word << 8 | (chars[k] & 0xFF);
            }
            hash = mixedIn(hash, word);
        }
        return finished(hash);
    }

    /** The same hash of ASCII bytes, read eight at a time (a word of a short text: one read and a mask). */
    private static int hash(byte[] ascii, int start, int end) {
        long hash = end - start;
        int i = start;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            hash = mixedIn(hash, (long) LONGS.get(ascii, i));
        }
        int left = end - i;
        if (left > 0) {
            long word;
            if (i + Long.BYTES <= ascii.length) {
                word = (long) LONGS.get(ascii, i) & (-1L >>> (Long.SIZE - Byte.SIZE * left));
            } else {
                word = 0;
                for (int k = end - 1; k >= i; k--) {
                    word = word << 8 | (ascii[k] & 0xFF);
                }
            }
            hash = mixedIn(hash, word);
        }
        return finished(hash);
    }

    private static long mixedIn(long hash, long word) {
        return (hash ^ word) * MULTIPLIER;
    }

    /**
     * Every bit of the words into the low bits the table is indexed by (a multiply only carries upwards: texts
     * that differ in a word's last byte would otherwise share a few slots).
     */
    private static int finished(long hash) {
        long h = (hash ^ hash >>> 33) * FINISH;
        return (int) (h ^ h >>> 29 ^ h >>> 47);
    }
}
