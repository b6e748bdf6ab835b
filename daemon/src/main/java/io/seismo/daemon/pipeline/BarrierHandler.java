package io.seismo.daemon.pipeline;

/**
 * Told on the correlator thread when a checkpoint barrier has gone through the ring: everything published
 * before it is journaled and correlated, and nothing after it is. Implementations copy out what they need and
 * return at once; the writing happens elsewhere.
 */
public interface BarrierHandler {
    /** Ignores barriers: for pipelines without checkpoints. */
    BarrierHandler NONE = new BarrierHandler() {
        @Override
        public void onBarrier(long barrierId, BarrierState state) {
        }

        @Override
        public void onBarrierFailed(long barrierId, Throwable cause) {
        }
    };

    void onBarrier(long barrierId, BarrierState state);

    /** The journal could not be made durable, or the correlator could not save its state, at this barrier. */
    void onBarrierFailed(long barrierId, Throwable cause);
}
