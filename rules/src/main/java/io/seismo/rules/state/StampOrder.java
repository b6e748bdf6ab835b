package io.seismo.rules.state;

import java.util.Arrays;

/**
 * Puts the entries of a snapshot, saved in any order, back in their map's order: the order of their stamps, which
 * are distinct. Runs on the checkpoint writer's thread, over up to millions of entries per snapshot.
 */
final class StampOrder {

    private StampOrder() {
    }

    /**
     * Fills {@code order} with the indexes of the first {@code count} {@code stamps}, from the smallest stamp to the
     * largest; {@code scratch} holds at least {@code count} longs.
     */
    static void sort(long[] stamps, int count, long[] scratch, int[] order) {
        if (count == 0) {
            return;
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            min = Math.min(min, stamps[i]);
            max = Math.max(max, stamps[i]);
        }
        int indexBits = Integer.SIZE - Integer.numberOfLeadingZeros(Math.max(1, count - 1));
        if (max - min < 1L << (Long.SIZE - 1 - indexBits)) {
            // Each stamp with its index in one long, sorted once: ranking each stamp by a binary search over a million
            // sorted ones instead was a cache miss per step, two fifths of the checkpoint writer's time flat out.
            long indexMask = (1L << indexBits) - 1;
            for (int i = 0; i < count; i++) {
                scratch[i] = (stamps[i] - min) << indexBits | i;
            }
            Arrays.sort(scratch, 0, count);
            for (int rank = 0; rank < count; rank++) {
                order[rank] = (int) (scratch[rank] & indexMask);
            }
            return;
        }
        // Stamps too far apart to share a long with an index (a map used for ages): each is ranked by a search.
        System.arraycopy(stamps, 0, scratch, 0, count);
        Arrays.sort(scratch, 0, count);
        for (int i = 0; i < count; i++) {
            order[Arrays.binarySearch(scratch, 0, count, stamps[i])] = i;
        }
    }
}
