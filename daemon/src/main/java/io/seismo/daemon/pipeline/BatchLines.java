package io.seismo.daemon.pipeline;

import io.seismo.daemon.parse.LineText;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of one ingest batch until the ring takes them: their UTF-8 bytes one after the other in one array (lent
 * by the caller, who may reuse it once the ring has taken the lines, see {@link #text()}), each with its source
 * offset and whether the agent truncated it. Lines can be dropped from the front of the order ({@link #keep}) without
 * moving their bytes.
 */
public final class BatchLines {
    private byte[] text;
    private int textUsed;
    private final int[] starts;
    private final int[] lengths;
    private final boolean[] ascii;
    private final long[] offsets;
    private final boolean[] truncated;
    private int count;

    /**
     * @param capacity the most lines it will hold
     * @param text     where their bytes go; grown (a new array) if they do not fit
     */
    public BatchLines(int capacity, byte[] text) {
        this.text = text;
        this.starts = new int[capacity];
        this.lengths = new int[capacity];
        this.ascii = new boolean[capacity];
        this.offsets = new long[capacity];
        this.truncated = new boolean[capacity];
    }

    /** Lines given as Strings, each at the offset given for it (as tests build batches; ingest adds bytes). */
    public static BatchLines of(String[] lines, long[] offsets) {
        BatchLines batch = new BatchLines(lines.length, new byte[0]);
        for (int i = 0; i < lines.length; i++) {
            batch.add(lines[i], offsets[i], false);
        }
        return batch;
    }

    /** Adds a copy of {@code length} UTF-8 bytes of {@code source} from {@code start}; {@code offset} < 0: none. */
    public void add(byte[] source, int start, int length, boolean asciiOnly, long offset, boolean lineTruncated) {
        if (textUsed + length > text.length) {
            text = Arrays.copyOf(text, Math.max(textUsed + length, 2 * text.length));
        }
        System.arraycopy(source, start, text, textUsed, length);
        starts[count] = textUsed;
        lengths[count] = length;
        ascii[count] = asciiOnly;
        offsets[count] = offset;
        truncated[count] = lineTruncated;
        textUsed += length;
        count++;
    }

    /** Adds {@code line}, encoded. */
    public void add(String line, long offset, boolean lineTruncated) {
        byte[] encoded = line.getBytes(StandardCharsets.UTF_8);
        add(encoded, 0, encoded.length, line.chars().allMatch(c -> c < 0x80), offset, lineTruncated);
    }

    public int size() {
        return count;
    }

    /** The source offset of line {@code i}; negative when the agent gave none. */
    public long offset(int i) {
        return offsets[i];
    }

    /** Puts line {@code from} at place {@code to} (no later than {@code from}), for dropping lines in order. */
    public void keep(int from, int to) {
        starts[to] = starts[from];
        lengths[to] = lengths[from];
        ascii[to] = ascii[from];
        offsets[to] = offsets[from];
        truncated[to] = truncated[from];
    }

    /** Keeps the first {@code kept} lines only. */
    public void truncate(int kept) {
        count = kept;
    }

    /** The array holding the bytes: the one lent, unless they outgrew it. */
    public byte[] text() {
        return text;
    }

    boolean truncated(int i) {
        return truncated[i];
    }

    /** Copies line {@code i} into {@code into}. */
    void copyLine(int i, LineText into) {
        into.setBytes(text, starts[i], lengths[i], ascii[i]);
    }
}
