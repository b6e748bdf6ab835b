package io.seismo.sink;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Waits (bounded) for a send to fail and hands back the {@link DeliveryException} it failed with. */
public final class DeliveryFailures {
    private static final long WAIT_SECONDS = 15;

    private DeliveryFailures() {
    }

    public static DeliveryException failureOf(CompletableFuture<Void> send) {
        Throwable thrown = catchThrowable(() -> send.get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertThat(thrown).as("the send should fail").isInstanceOf(ExecutionException.class);
        assertThat(thrown.getCause()).isInstanceOf(DeliveryException.class);
        return (DeliveryException) thrown.getCause();
    }

    public static void awaitDelivered(CompletableFuture<Void> send) throws Exception {
        send.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }
}
