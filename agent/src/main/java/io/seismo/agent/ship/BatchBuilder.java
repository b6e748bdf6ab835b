package io.seismo.agent.ship;

import io.seismo.agent.config.BatchLimits;
import io.seismo.agent.tail.Line;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * The batch a file is filling: encodes each line as it comes, refuses the line that would break
 * {@code maxLines} or {@code maxBytes} (a single line larger than {@code maxBytes} still goes, alone), and is
 * due once full or once {@code linger} has passed since its first line.
 */
public final class BatchBuilder {
    private final BatchLimits limits;
    private final long lingerNanos;
    private final EnvelopeEncoder encoder;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private long[] lineEnds = new long[64];
    private int[] bodyEnds = new int[64];
    private int count;
    private long firstOffset;
    private long firstLineNanos;
    private boolean refused;

    public BatchBuilder(BatchLimits limits, EnvelopeEncoder encoder) {
        this.limits = limits;
        this.lingerNanos = limits.linger().toNanos();
        this.encoder = encoder;
    }

    /** Adds {@code line}, or returns {@code false} when the batch is full; then it is due. */
    public boolean offer(Line line, long nowNanos) {
        if (isFull()) {
            return false;
        }
        int size = encoder.encode(line);
        if (count > 0 && body.size() + size > limits.maxBytes()) {
            refused = true;
            return false;
        }
        if (count == 0) {
            firstOffset = line.offset();
            firstLineNanos = nowNanos;
        }
        encoder.copyTo(body);
        if (count == lineEnds.length) {
            lineEnds = Arrays.copyOf(lineEnds, count * 2);
            bodyEnds = Arrays.copyOf(bodyEnds, count * 2);
        }
        lineEnds[count] = line.endOffset();
        bodyEnds[count] = body.size();
        count++;
        return true;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    public boolean isFull() {
        return refused || count >= limits.maxLines() || body.size() >= limits.maxBytes();
    }

    public boolean isDue(long nowNanos) {
        return count > 0 && (isFull() || nowNanos - firstLineNanos >= lingerNanos);
    }

    public int bufferedBytes() {
        return body.size();
    }

    /** Turns what was added into a {@link Batch} and starts empty again. */
    public Batch seal(ShipSource source) {
        Batch batch = new Batch(source, firstOffset, Arrays.copyOf(lineEnds, count),
                body.toByteArray(), Arrays.copyOf(bodyEnds, count));
        body.reset();
        count = 0;
        refused = false;
        if (lineEnds.length > 1024) {
            lineEnds = new long[64];
            bodyEnds = new int[64];
        }
        return batch;
    }
}
