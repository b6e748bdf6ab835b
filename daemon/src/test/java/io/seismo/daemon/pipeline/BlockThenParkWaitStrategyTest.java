package io.seismo.daemon.pipeline;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlockThenParkWaitStrategyTest {
    private final BlockThenParkWaitStrategy strategy = new BlockThenParkWaitStrategy();
    private final Sequence cursor = new Sequence(-1);
    private final Sequence dependent = new Sequence(-1);
    private volatile boolean alerted;
    private final SequenceBarrier barrier = new StubBarrier();
    // Its own threads: the common pool may have one thread on a small machine, and both waiters must wait at once.
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void shouldWaitUntilTheSlotIsPublishedAndTheStagesBeforeAreDoneWithIt() throws Exception {
        CompletableFuture<Long> waiter = CompletableFuture.supplyAsync(this::waitForSlotZero, threads);

        assertStillWaiting(waiter);
        cursor.set(3);
        strategy.signalAllWhenBlocking();
        assertStillWaiting(waiter); // published, but the stages before are still at it
        dependent.set(2);

        assertThat(waiter.get(5, TimeUnit.SECONDS)).as("what the stages before have finished").isEqualTo(2L);
    }

    @Test
    void shouldStopWaitingWhenAlerted() throws Exception {
        cursor.set(0);
        CompletableFuture<Long> parked = CompletableFuture.supplyAsync(this::waitForSlotZero, threads);
        CompletableFuture<Long> blocked = CompletableFuture.supplyAsync(() -> waitFor(5), threads);
        assertStillWaiting(parked);
        assertStillWaiting(blocked);

        alerted = true;
        strategy.signalAllWhenBlocking();

        assertThatThrownBy(() -> parked.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> blocked.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
    }

    private long waitForSlotZero() {
        return waitFor(0);
    }

    private long waitFor(long sequence) {
        try {
            return strategy.waitFor(sequence, cursor, dependent, barrier);
        } catch (AlertException e) {
            throw new IllegalStateException("alerted", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertStillWaiting(CompletableFuture<Long> waiter) throws InterruptedException, ExecutionException {
        try {
            waiter.get(100, TimeUnit.MILLISECONDS);
            throw new AssertionError("returned before the slot was ready");
        } catch (TimeoutException expected) {
            // still waiting, as it should
        }
    }

    private final class StubBarrier implements SequenceBarrier {
        @Override
        public long waitFor(long sequence) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long getCursor() {
            return cursor.get();
        }

        @Override
        public boolean isAlerted() {
            return alerted;
        }

        @Override
        public void alert() {
            alerted = true;
        }

        @Override
        public void clearAlert() {
            alerted = false;
        }

        @Override
        public void checkAlert() throws AlertException {
            if (alerted) {
                throw AlertException.INSTANCE;
            }
        }
    }
}
