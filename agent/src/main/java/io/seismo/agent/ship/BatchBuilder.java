package io.seismo.agent.ship;

import io.seismo.agent.config.BatchLimits;
import io.seismo.agent.tail.LineView;

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
    private int count;
    private long firstOffset;
    private long lastOffset;
    private long firstLineNanos;
    private boolean refused;

    public BatchBuilder(BatchLimits limits) {
        this.limits = limits;
        this.lingerNanos = limits.linger().toNanos();
    }

    /**
     * Encodes {@code line} into the batch, or returns {@code false} when the batch is full; then it is due. Lines
     * come in order, each starting where the one before ended (a batch keeps no per-line offsets).
     */
    public boolean offer(LineView line, long nowNanos) {
        if (isFull()) {
            return false;
        }
        if (count > 0 && line.offset() != lastOffset) {
            throw new IllegalArgumentException(
                    "line at " + line.offset() + " does not follow the batch's end " + lastOffset);
        }
        int before = body.length();
        int size = LineFrame.encode(line, body);
        if (count > 0 && before + size > limits.maxBytes()) {
            body.truncate(before);
            refused = true;
            return false;
        }
        if (count == 0) {
            firstOffset = line.offset();
            firstLineNanos = nowNanos;
        }
        lastOffset = line.endOffset();
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
        Batch batch = new Batch(source, firstOffset, lastOffset, count, body.detach(KEPT_CAPACITY), bodyLength);
        count = 0;
        refused = false;
        return batch;
    }

    /** {@code batch}, sealed here, is settled and its body read by nobody: its array is filled next. */
    public void recycle(Batch batch) {
        body.recycle(batch.body(), batch.bodyLength(), KEPT_CAPACITY);
    }
}
