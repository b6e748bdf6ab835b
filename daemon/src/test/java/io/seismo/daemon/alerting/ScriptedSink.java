package io.seismo.daemon.alerting;

import io.seismo.sink.AlertSink;
import io.seismo.sink.DeliveryException;
import io.seismo.sink.Notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** A sink that answers from a script (then accepts everything), and records every attempt. */
final class ScriptedSink implements AlertSink {
    private final String name;
    private final ManualClock clock;
    private final Deque<Supplier<CompletableFuture<Void>>> script;
    private final Supplier<CompletableFuture<Void>> afterScript;
    final List<Instant> attemptTimes = new CopyOnWriteArrayList<>();
    final List<Notification> accepted = new CopyOnWriteArrayList<>();

    private ScriptedSink(String name, ManualClock clock, List<Supplier<CompletableFuture<Void>>> script,
                         Supplier<CompletableFuture<Void>> afterScript) {
        this.name = name;
        this.clock = clock;
        this.script = new ArrayDeque<>(script);
        this.afterScript = afterScript;
    }

    static ScriptedSink healthy(String name, ManualClock clock) {
        return new ScriptedSink(name, clock, List.of(), ScriptedSink::accept);
    }

    static ScriptedSink failingThenHealthy(String name, ManualClock clock, int failures, Duration retryAfter) {
        return new ScriptedSink(name, clock, Collections.nCopies(failures, () -> fail(true, retryAfter)),
                ScriptedSink::accept);
    }

    static ScriptedSink alwaysFailing(String name, ManualClock clock, boolean retryable, Duration retryAfter) {
        return new ScriptedSink(name, clock, List.of(), () -> fail(retryable, retryAfter));
    }

    /**
     * A sink whose first send holds the calling thread (the alerting thread) until {@code gate} opens, at most 10 s,
     * and which then accepts everything.
     */
    static ScriptedSink holdingFirstSendUntil(String name, ManualClock clock, CountDownLatch gate) {
        return new ScriptedSink(name, clock, List.of(() -> {
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return accept();
        }), ScriptedSink::accept);
    }

    /** A sink whose receiver never answers: every send stays pending. */
    static ScriptedSink silent(String name, ManualClock clock) {
        return new ScriptedSink(name, clock, List.of(), CompletableFuture::new);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized CompletableFuture<Void> send(Notification notification) {
        attemptTimes.add(clock.current());
        Supplier<CompletableFuture<Void>> outcome = script.isEmpty() ? afterScript : script.poll();
        CompletableFuture<Void> result = outcome.get();
        return result.thenRun(() -> accepted.add(notification));
    }

    private static CompletableFuture<Void> accept() {
        return CompletableFuture.completedFuture(null);
    }

    private static CompletableFuture<Void> fail(boolean retryable, Duration retryAfter) {
        return CompletableFuture.failedFuture(new DeliveryException("scripted failure", retryable, retryAfter, null));
    }
}
