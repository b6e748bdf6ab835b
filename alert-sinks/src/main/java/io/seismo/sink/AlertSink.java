package io.seismo.sink;

import java.util.concurrent.CompletableFuture;

/**
 * Delivers notifications somewhere. Implementations never block the caller: {@link #send} returns at once
 * and completes when the receiver has accepted the notification, or exceptionally with a
 * {@link DeliveryException} that says whether and when to retry.
 */
public interface AlertSink extends AutoCloseable {

    /** The name the configuration gave this sink (used in metrics and logs). */
    String name();

    CompletableFuture<Void> send(Notification notification);

    @Override
    default void close() {
    }
}
