package io.seismo.agent.ship;

import io.seismo.agent.config.BatchLimits;
import io.seismo.agent.tail.LineView;

import java.util.Arrays;

/**
 * The batch a file is filling: encodes each line as it comes, refuses the line that would break
 * {@code maxLines} or {@code maxBytes} (a single line larger than {@code maxBytes} still goes, alone), and is
 * due once full or once {@code linger} has passed since its first line.
 */
public final class BatchBuilder {
    /** What a body may keep between batches: a batch far larger than usual does not pin its memory. */
    private static final int KEPT_CAPACITY = 1 << 20;

    private final BatchLimits limits;
    private final long lingerNanos;
    private final BodyBytes body = new BodyBytes(64 * 1024);
    private long[] lineEnds = new long[64];
    private int[] bodyEnds = new int[64];
    private int count;
    private long firstOffset;
    private long firstLineNanos;
    private boolean refused;

    public BatchBuilder(BatchLimits limits) {
        this.limits = limits;
        this.lingerNanos = limits.linger().toNanos();
    }

    /** Encodes {@code line} into the batch, or returns {@code false} when the batch is full; then it is due. */
    public boolean offer(LineView line, long nowNanos) {
        if (isFull()) {
            return false;
        }
        int before = body.length();
        int size = EnvelopeEncoder.encode(line, body);
        if (count > 0 && before + size > limits.maxBytes()) {
            body.truncate(before);
            refused = true;
            return false;
        }
        if (count == 0) {
            firstOffset = line.offset();
            firstLineNanos = nowNanos;
        }
        if (count == lineEnds.length) {
            lineEnds = Arrays.copyOf(lineEnds, count * 2);
            bodyEnds = Arrays.copyOf(bodyEnds, count * 2);
        }
        lineEnds[count] = line.endOffset();
        bodyEnds[count] = body.length();
        count++;
        return true;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    public boolean isFull() {
        return refused || count >= limits.maxLines() || body.length() >= limits.maxBytes();
    }

    public boolean isDue(long nowNanos) {
        return count > 0 && (isFull() || nowNanos - firstLineNanos >= lingerNanos);
    }

    public int bufferedBytes() {
        return body.length();
    }

    /** Turns what was added into a {@link Batch} and starts empty again. */
    public Batch seal(ShipSource source) {
        int bodyLength = body.length();
        Batch batch = new Batch(source, firstOffset, Arrays.copyOf(lineEnds, count), body.detach(KEPT_CAPACITY),
                bodyLength, Arrays.copyOf(bodyEnds, count));
        count = 0;
        refused = false;
        if (lineEnds.length > 1024) {
            lineEnds = new long[64];
            bodyEnds = new int[64];
        }
        return batch;
    }

    /** {@code batch}, sealed here, is settled and its body read by nobody: its array is filled next. */
    public void recycle(Batch batch) {
        body.recycle(batch.body(), KEPT_CAPACITY);
    }
}
