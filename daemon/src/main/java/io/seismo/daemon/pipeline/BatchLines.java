package io.seismo.daemon.pipeline;

import io.seismo.daemon.parse.LineText;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of one ingest batch until the ring takes them: their UTF-8 bytes in one array (lent by the caller, who
 * may reuse it once the ring has taken the lines, see {@link #text()}), each with its source offset and whether the
 * agent truncated it. The bytes are either copied in one after the other ({@link #add}) or, for a body that holds
 * each line's bytes as they are, left where they are in the body ({@link #inPlace}). Lines can be dropped from the
 * front of the order ({@link #keep}) without moving their bytes.
 */
public final class BatchLines {
    private byte[] text;
    private int textUsed;
    /** The lines are left in {@link #text}, a body, where they were: nothing may be copied over them. */
    private final boolean inPlace;
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
        this(capacity, text, false);
    }

    private BatchLines(int capacity, byte[] text, boolean inPlace) {
        this.text = text;
        this.inPlace = inPlace;
        this.starts = new int[capacity];
        this.lengths = new int[capacity];
        this.ascii = new boolean[capacity];
        this.offsets = new long[capacity];
        this.truncated = new boolean[capacity];
    }

    /** Lines that stay where they are in {@code body}: {@link #add} takes their bytes there, copying nothing. */
    public static BatchLines inPlace(int capacity, byte[] body) {
        return new BatchLines(capacity, body, true);
    }

    /** Lines given as Strings, each at the offset given for it (as tests build batches; ingest adds bytes). */
    public static BatchLines of(String[] lines, long[] offsets) {
        BatchLines batch = new BatchLines(lines.length, new byte[0]);
        for (int i = 0; i < lines.length; i++) {
            batch.add(lines[i], offsets[i], false);
        }
        return batch;
    }

    /**
     * Adds the line of {@code length} UTF-8 bytes of {@code source} from {@code start} ({@code asciiOnly} when they
     * all are; else a malformed sequence reads as U+FFFD); {@code offset} < 0: none. Copied, unless the batch was
     * made {@link #inPlace} over {@code source}, whose bytes it then takes where they are.
     */
    public void add(byte[] source, int start, int length, boolean asciiOnly, long offset, boolean lineTruncated) {
        if (inPlace) {
            if (source != text) {
                throw new IllegalStateException("the lines are in place in their body: nothing is copied over it");
            }
            record(start, length, asciiOnly, offset, lineTruncated);
            return;
        }
        if (textUsed + length > text.length) {
            text = Arrays.copyOf(text, Math.max(textUsed + length, 2 * text.length));
        }
        System.arraycopy(source, start, text, textUsed, length);
        record(textUsed, length, asciiOnly, offset, lineTruncated);
        textUsed += length;
    }

    private void record(int start, int length, boolean asciiOnly, long offset, boolean lineTruncated) {
        starts[count] = start;
        lengths[count] = length;
        ascii[count] = asciiOnly;
        offsets[count] = offset;
        truncated[count] = lineTruncated;
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

    /** The most lines it holds. */
    public int capacity() {
        return starts.length;
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
