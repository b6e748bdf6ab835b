package io.seismo.daemon.pipeline;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * A correlator's state taken at a checkpoint barrier and written out afterwards, a slice at a time between
 * later events, so that a checkpoint of a large state does not stop the correlator for long.
 */
public interface StateCapture {
    /**
     * Writes more of the state, for about {@code budgetNanos}; true once all of it is written. On the
     * correlator thread only.
     */
    boolean advance(long budgetNanos);

    /**
     * The state's bytes, in pieces to be written one after the other, lent until {@link #release}; only once
     * {@link #advance} has returned true, then on any one thread.
     */
    List<ByteBuffer> bytes();

    /** Says nothing reads the bytes any more, so a later capture may reuse their buffer; on the thread of {@link #bytes}. */
    default void release() {
    }

    /** A capture that is complete from the start. */
    static StateCapture of(byte[] bytes) {
        return new StateCapture() {
            @Override
            public boolean advance(long budgetNanos) {
                return true;
            }

            @Override
            public List<ByteBuffer> bytes() {
                return List.of(ByteBuffer.wrap(bytes));
            }
        };
    }
}
