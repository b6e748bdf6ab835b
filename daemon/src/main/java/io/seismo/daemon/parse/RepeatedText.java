package io.seismo.daemon.parse;

import java.util.Arrays;

/**
 * Strings for field names and values that repeat from line to line (levels, services, messages, attribute names
 * and their few values), so a parser hands out the same String instead of a new one per line. A direct-mapped
 * table by hash: a text is kept only the second time in a row its slot sees its hash, so text that never repeats
 * (trace ids, most users' names) costs the hash and neither fills the table nor keeps young Strings alive in it.
 * One per parser: not thread-safe.
 */
final class RepeatedText {
    private final String[] kept;
    /** The characters of each kept String, compared with a vectorized range compare. */
    private final char[][] keptChars;
    /** Per slot, the kept String's hash (high half) and the hash last seen there (low half): one read for both. */
    private final long[] hashes;
    private final int mask;

    /** {@code slots} is rounded up to a power of two. */
    RepeatedText(int slots) {
        int size = Integer.highestOneBit(Math.max(2, slots - 1)) << 1;
        kept = new String[size];
        keptChars = new char[size][];
        hashes = new long[size];
        mask = size - 1;
    }

    /** The characters {@code start} to {@code end} of {@code chars}, as a String. */
    String of(char[] chars, int start, int end) {
        String known = known(chars, start, end);
        return known != null ? known : new String(chars, start, end - start);
    }

    /**
     * The kept String of the characters {@code start} to {@code end} of {@code chars}; null when they are not kept
     * (a value seen for the first time, say), and then nothing is allocated.
     */
    String known(char[] chars, int start, int end) {
        int hash = hash(chars, start, end);
        int slot = hash & mask;
        long seen = hashes[slot];
        int keptHash = (int) (seen >>> 32);
        if (keptHash == hash) {
            char[] candidate = keptChars[slot];
            if (candidate != null && Arrays.equals(candidate, 0, candidate.length, chars, start, end)) {
                if ((int) seen != hash) {
                    // A sighting of the kept text too: another text seen before and after it is not "in a row".
                    hashes[slot] = (long) hash << 32 | (hash & 0xFFFFFFFFL);
                }
                return kept[slot];
            }
        }
        String admitted = null;
        if ((int) seen == hash) {
            admitted = new String(chars, start, end - start);
            kept[slot] = admitted;
            keptChars[slot] = Arrays.copyOfRange(chars, start, end);
            keptHash = hash;
        }
        hashes[slot] = (long) keptHash << 32 | (hash & 0xFFFFFFFFL);
        return admitted;
    }

    /** A hash of every character, in four interleaved lanes: a quarter of the dependent multiplies of String's. */
    private static int hash(char[] chars, int start, int end) {
        int h0 = 0;
        int h1 = 0;
        int h2 = 0;
        int h3 = 0;
        int i = start;
        for (; i + 3 < end; i += 4) {
            h0 = 31 * h0 + chars[i];
            h1 = 31 * h1 + chars[i + 1];
            h2 = 31 * h2 + chars[i + 2];
            h3 = 31 * h3 + chars[i + 3];
        }
        int hash = (((end - start) * 31 + h0) * 31 + h1) * 961 + h2 * 31 + h3;
        for (; i < end; i++) {
            hash = 31 * hash + chars[i];
        }
        return hash ^ (hash >>> 16);
    }
}
