package io.seismo.daemon.pipeline;

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

    /** The state's bytes; only once {@link #advance} has returned true, then on any thread. */
    byte[] toBytes();

    /** A capture that is complete from the start. */
    static StateCapture of(byte[] bytes) {
        return new StateCapture() {
            @Override
            public boolean advance(long budgetNanos) {
                return true;
            }

            @Override
            public byte[] toBytes() {
                return bytes;
            }
        };
    }
}
