package io.seismo.daemon.checkpoint;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Alerting's side of a checkpoint: its state (alert lifecycle, notification log, silences) as bytes, in step
 * with the correlator. The daemon wires {@code AlertDispatcher} to this with {@link #of}.
 */
public interface AlertingState {
    /** Completes with the alerting state once everything submitted before this call is processed. */
    CompletableFuture<byte[]> snapshotAfterQueued();

    /** Loads state before the dispatcher starts; throws IllegalArgumentException on bad bytes. */
    void restore(byte[] state);

    /** Alerting state from two method references, e.g. {@code of(dispatcher::snapshotAfterQueued, dispatcher::restore)}. */
    static AlertingState of(Supplier<CompletableFuture<byte[]>> snapshotAfterQueued, Consumer<byte[]> restore) {
        return new AlertingState() {
            @Override
            public CompletableFuture<byte[]> snapshotAfterQueued() {
                return snapshotAfterQueued.get();
            }

            @Override
            public void restore(byte[] state) {
                restore.accept(state);
            }
        };
    }

    /** Alerting that keeps nothing across a restart: saves no bytes and takes none. */
    static AlertingState stateless() {
        return of(() -> CompletableFuture.completedFuture(new byte[0]), state -> {
            if (state.length > 0) {
                throw new IllegalArgumentException("stateless alerting cannot take " + state.length + " saved bytes");
            }
        });
    }
}
