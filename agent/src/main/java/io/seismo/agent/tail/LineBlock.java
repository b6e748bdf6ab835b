package io.seismo.agent.tail;

import java.util.Arrays;

/**
 * The lines of one file read and not yet handed on, as one block of bytes and, per line, where it ends in the
 * block and in the file and whether it was cut. The arrays are reused from read to read: tailing allocates
 * nothing per line. Lines go through three stages, in order:
 * <pre>
 *   [0, handed)          handed on; dropped at the start of the next read
 *   [handed, verified)   verified: waiting to be handed on
 *   [verified, count)    read in this read pass, not yet verified: discarded if the file turns out replaced
 * </pre>
 * Used by the agent's single loop thread only.
 */
final class LineBlock {
    private static final int INITIAL_BYTES = 64 * 1024;
    private static final int INITIAL_LINES = 256;
    /**
     * What an emptied block keeps: a backlog's read-ahead (a batch's size) grows it, and a file that has caught
     * up does not pin that much.
     */
    private static final int KEPT_BYTES = 1 << 20;
    private static final int KEPT_LINES = 8192;

    private final LineView view = new LineView();
    private byte[] bytes = new byte[INITIAL_BYTES];
    /** Per line: index in {@link #bytes} just past it. */
    private int[] byteEnds = new int[INITIAL_LINES];
    /** Per line: file offset just past its newline. */
    private long[] endOffsets = new long[INITIAL_LINES];
    private boolean[] truncated = new boolean[INITIAL_LINES];
    /** File offset of the first byte of line 0. */
    private long startOffset;
    private int count;
    private int handed;
    private int verified;
    private int unverifiedTruncated;

    /** Appends a line read from the file, unverified: bytes {@code [from, from + length)} of {@code src}. */
    void add(long offset, long endOffset, byte[] src, int from, int length, boolean cut) {
        if (count == 0) {
            startOffset = offset;
        }
        int byteStart = byteEnd(count - 1);
        if (byteStart + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(byteStart + length, bytes.length * 2));
        }
        if (count == byteEnds.length) {
            byteEnds = Arrays.copyOf(byteEnds, count * 2);
            endOffsets = Arrays.copyOf(endOffsets, count * 2);
            truncated = Arrays.copyOf(truncated, count * 2);
        }
        System.arraycopy(src, from, bytes, byteStart, length);
        byteEnds[count] = byteStart + length;
        endOffsets[count] = endOffset;
        truncated[count] = cut;
        count++;
        unverifiedTruncated += cut ? 1 : 0;
    }

    /** Whether verified lines wait to be handed on. */
    boolean hasWaiting() {
        return handed < verified;
    }

    /** Bytes of the file the lines not yet handed on cover, unverified ones included. */
    long waitingFileBytes() {
        return handed == count ? 0 : endOffsets[count - 1] - lineOffset(handed);
    }

    /** The lines read since the last {@link #verify} are the file's: returns what they were, for the counters. */
    ReadTally verify() {
        if (verified == count) {
            return ReadTally.NONE;
        }
        ReadTally tally = new ReadTally(count - verified, endOffsets[count - 1] - lineOffset(verified),
                unverifiedTruncated);
        verified = count;
        unverifiedTruncated = 0;
        return tally;
    }

    /** File offset just past the last verified line; only while one is held. */
    long verifiedEndOffset() {
        return endOffsets[verified - 1];
    }

    /** Forgets the lines read since the last {@link #verify}: the file they came from was replaced meanwhile. */
    void discardUnverified() {
        count = verified;
        unverifiedTruncated = 0;
    }

    /**
     * Hands verified lines to {@code sink} in order until it refuses one.
     *
     * @return the file offset just past the last line handed, or {@code -1} if none was
     */
    long handTo(LineSink sink) {
        long handedEnd = -1;
        while (handed < verified) {
            int line = handed;
            view.set(lineOffset(line), endOffsets[line], bytes, byteEnd(line - 1), byteEnds[line], truncated[line]);
            if (!sink.offer(view)) {
                break;
            }
            handed++;
            handedEnd = endOffsets[line];
        }
        return handedEnd;
    }

    /** Drops the lines handed on, moving those still waiting to the front; a block left empty gives back room. */
    void dropHanded() {
        if (handed == count) {
            count = 0;
            handed = 0;
            verified = 0;
            shrinkIfLarge();
            return;
        }
        if (handed == 0) {
            return;
        }
        int byteShift = byteEnd(handed - 1);
        startOffset = endOffsets[handed - 1];
        int kept = count - handed;
        System.arraycopy(bytes, byteShift, bytes, 0, byteEnds[count - 1] - byteShift);
        System.arraycopy(endOffsets, handed, endOffsets, 0, kept);
        System.arraycopy(truncated, handed, truncated, 0, kept);
        for (int i = 0; i < kept; i++) {
            byteEnds[i] = byteEnds[handed + i] - byteShift;
        }
        count = kept;
        verified -= handed;
        handed = 0;
    }

    private void shrinkIfLarge() {
        if (bytes.length > KEPT_BYTES) {
            bytes = new byte[KEPT_BYTES];
        }
        if (byteEnds.length > KEPT_LINES) {
            byteEnds = new int[KEPT_LINES];
            endOffsets = new long[KEPT_LINES];
            truncated = new boolean[KEPT_LINES];
        }
    }

    private long lineOffset(int line) {
        return line == 0 ? startOffset : endOffsets[line - 1];
    }

    private int byteEnd(int line) {
        return line < 0 ? 0 : byteEnds[line];
    }
}
